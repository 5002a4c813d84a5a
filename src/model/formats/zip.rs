//! The smallest zip that does the job: stored (uncompressed) entries, written and read back.
//! Enough for a brat `.txt` + `.ann` pair; a compressed zip from elsewhere is named as such.

/// CRC-32 (IEEE), as zip needs it.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

fn u16le(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn u32le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// A zip of `files` (name, contents), stored, with a fixed date so the same files give the same
/// bytes. Files must be under 4 GiB.
pub fn write(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    // 2026-01-01 00:00 in DOS time.
    let (time, date) = (0u16, ((2026 - 1980) << 9 | 1 << 5 | 1) as u16);
    for (name, data) in files {
        let offset = out.len() as u32;
        let crc = crc32(data);
        let size = data.len() as u32;
        u32le(&mut out, 0x0403_4b50);
        for v in [20u16, 0x0800, 0, time, date] {
            u16le(&mut out, v); // version, flags (UTF-8 names), stored, time, date
        }
        for v in [crc, size, size] {
            u32le(&mut out, v);
        }
        u16le(&mut out, name.len() as u16);
        u16le(&mut out, 0);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        u32le(&mut central, 0x0201_4b50);
        for v in [20u16, 20, 0x0800, 0, time, date] {
            u16le(&mut central, v);
        }
        for v in [crc, size, size] {
            u32le(&mut central, v);
        }
        for v in [name.len() as u16, 0, 0, 0, 0] {
            u16le(&mut central, v);
        }
        u32le(&mut central, 0);
        u32le(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let start = out.len() as u32;
    let count = files.len() as u16;
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4b50);
    for v in [0u16, 0, count, count] {
        u16le(&mut out, v);
    }
    u32le(&mut out, central.len() as u32);
    u32le(&mut out, start);
    u16le(&mut out, 0);
    out
}

pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The entries of a zip (name, contents), read from its local headers. Refuses compressed
/// entries and damaged files, saying which.
pub fn read(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut out = Vec::new();
    let mut at = 0usize;
    let u16_at = |i: usize| bytes.get(i..i + 2).map(|b| u16::from_le_bytes([b[0], b[1]]));
    let u32_at = |i: usize| bytes.get(i..i + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
    while u32_at(at) == Some(0x0403_4b50) {
        let damaged = || "the zip is damaged (a header runs past its end)".to_owned();
        let flags = u16_at(at + 6).ok_or_else(damaged)?;
        let method = u16_at(at + 8).ok_or_else(damaged)?;
        let crc = u32_at(at + 14).ok_or_else(damaged)?;
        let size = u32_at(at + 18).ok_or_else(damaged)? as usize;
        let name_len = u16_at(at + 26).ok_or_else(damaged)? as usize;
        let extra_len = u16_at(at + 28).ok_or_else(damaged)? as usize;
        let name_start = at + 30;
        let name = bytes.get(name_start..name_start + name_len).ok_or_else(damaged)?;
        let name = String::from_utf8_lossy(name).into_owned();
        if method != 0 || flags & 0x0008 != 0 {
            return Err(format!("{name} in the zip is compressed; spanmark reads the uncompressed zips it writes (or open the files themselves)"));
        }
        let data_start = name_start + name_len + extra_len;
        let data = bytes.get(data_start..data_start + size).ok_or_else(damaged)?;
        if crc32(data) != crc {
            return Err(format!("{name} in the zip is damaged (its checksum does not match)"));
        }
        out.push((name, data.to_vec()));
        at = data_start + size;
    }
    if out.is_empty() {
        return Err("the zip holds no file".to_owned());
    }
    Ok(out)
}
