//! Instants, as whole milliseconds since the Unix epoch, and their ISO 8601 form in UTC
//! (`2026-12-01T11:24:18.125Z`). Nothing here reads a clock: an instant comes in as a value (the
//! browser's `Date.now()`, handed to the editor with an action; a timestamp read from a file).

/// An instant from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z (the years ISO 8601 writes
/// in four digits), in whole milliseconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time(u64);

const MS_PER_DAY: u64 = 86_400_000;
/// The last millisecond of 9999.
const LAST: u64 = 253_402_300_799_999;

impl Time {
    /// `ms` after the epoch, if within the years above.
    pub fn from_millis(ms: u64) -> Option<Time> {
        (ms <= LAST).then_some(Time(ms))
    }

    /// A JavaScript time value (`Date.now()`), truncated to the millisecond; none when it is not
    /// a finite number within the years above.
    pub fn from_js(ms: f64) -> Option<Time> {
        if ms.is_finite() && ms >= 0.0 && ms <= LAST as f64 {
            Time::from_millis(ms as u64)
        } else {
            None
        }
    }

    pub fn millis(self) -> u64 {
        self.0
    }

    /// ISO 8601 in UTC: seconds, then milliseconds when there are any, then `Z`.
    pub fn iso(self) -> String {
        let (mut days, rest) = (self.0 / MS_PER_DAY, self.0 % MS_PER_DAY);
        let mut year = 1970;
        while days >= year_days(year) {
            days -= year_days(year);
            year += 1;
        }
        let mut month = 1;
        while days >= month_days(year, month) {
            days -= month_days(year, month);
            month += 1;
        }
        let (hour, minute, second, ms) = (rest / 3_600_000, rest / 60_000 % 60, rest / 1000 % 60, rest % 1000);
        let day = days + 1;
        if ms == 0 {
            format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}Z")
        } else {
            format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}.{ms:03}Z")
        }
    }

    /// Reads an ISO 8601 date and time with its offset, `YYYY-MM-DDThh:mm:ss`, optional fraction
    /// (kept to the millisecond), then `Z` or `±hh:mm` (RFC 3339's profile, which the W3C model
    /// asks for). Anything else, or an instant outside the years above, is none.
    pub fn parse_iso(s: &str) -> Option<Time> {
        let b = s.as_bytes();
        let sep = |at: usize, c: &[u8]| b.get(at).is_some_and(|x| c.contains(x));
        if !(sep(4, b"-") && sep(7, b"-") && sep(10, b"Tt ") && sep(13, b":") && sep(16, b":")) {
            return None;
        }
        let (year, month, day) = (digits(b, 0, 4)?, digits(b, 5, 2)?, digits(b, 8, 2)?);
        let (hour, minute, second) = (digits(b, 11, 2)?, digits(b, 14, 2)?, digits(b, 17, 2)?);
        if year < 1970 || !(1..=12).contains(&month) || day == 0 || day > month_days(year, month) {
            return None;
        }
        if hour > 23 || minute > 59 || second > 59 {
            return None;
        }
        let mut at = 19;
        let mut ms = 0;
        if sep(at, b".") {
            let start = at + 1;
            at = start;
            while b.get(at).is_some_and(u8::is_ascii_digit) {
                at += 1;
            }
            if at == start {
                return None;
            }
            let mut scale = 100;
            for &d in &b[start..at.min(start + 3)] {
                ms += u64::from(d - b'0') * scale;
                scale /= 10;
            }
        }
        let offset_minutes: i64 = match b.get(at..)? {
            b"Z" | b"z" => 0,
            [sign @ (b'+' | b'-'), ..] if b.len() == at + 6 && sep(at + 3, b":") => {
                let (h, m) = (digits(b, at + 1, 2)?, digits(b, at + 4, 2)?);
                if h > 23 || m > 59 {
                    return None;
                }
                let minutes = (h * 60 + m) as i64;
                if *sign == b'+' {
                    minutes
                } else {
                    -minutes
                }
            }
            _ => return None,
        };
        let days =
            (1970..year).map(year_days).sum::<u64>() + (1..month).map(|m| month_days(year, m)).sum::<u64>() + day - 1;
        let local = days * MS_PER_DAY + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms;
        let utc = i64::try_from(local).ok()? - offset_minutes * 60_000;
        Time::from_millis(u64::try_from(utc).ok()?)
    }
}

/// `n` ASCII digits at `at`, as a number.
fn digits(b: &[u8], at: usize, n: usize) -> Option<u64> {
    let field = b.get(at..at + n)?;
    field.iter().try_fold(0, |acc, d| d.is_ascii_digit().then(|| acc * 10 + u64::from(d - b'0')))
}

fn leap(year: u64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn year_days(year: u64) -> u64 {
    if leap(year) {
        366
    } else {
        365
    }
}

fn month_days(year: u64, month: u64) -> u64 {
    match month {
        2 if leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::Time;

    #[test]
    fn writes_utc_iso_8601() {
        let cases = [
            (0, "1970-01-01T00:00:00Z"),
            (951_782_400_000, "2000-02-29T00:00:00Z"),
            (1_764_588_258_125, "2025-12-01T11:24:18.125Z"),
            (1_796_124_258_007, "2026-12-01T11:24:18.007Z"),
            (4_107_542_399_000, "2100-02-28T23:59:59Z"),
            (253_402_300_799_999, "9999-12-31T23:59:59.999Z"),
        ];
        for (ms, iso) in cases {
            let t = Time::from_millis(ms).unwrap();
            assert_eq!(t.iso(), iso, "{ms}");
            assert_eq!(Time::parse_iso(iso), Some(t), "{iso} read back");
        }
        assert_eq!(Time::from_millis(253_402_300_800_000), None);
    }

    #[test]
    fn reads_offsets_and_fractions_and_refuses_the_rest() {
        let t = |s| Time::parse_iso(s).map(Time::iso);
        assert_eq!(t("2026-12-01T12:24:18+01:00").as_deref(), Some("2026-12-01T11:24:18Z"));
        assert_eq!(t("2026-12-01T00:30:00-02:00").as_deref(), Some("2026-12-01T02:30:00Z"));
        assert_eq!(t("2026-12-01t11:24:18.1234567z").as_deref(), Some("2026-12-01T11:24:18.123Z"));
        assert_eq!(t("1970-01-01T00:30:00+01:00"), None, "before the epoch in UTC");
        for bad in [
            "",
            "2026-12-01",
            "2026-12-01T11:24:18",
            "2026-13-01T11:24:18Z",
            "2025-02-29T11:24:18Z",
            "2026-12-01T24:00:00Z",
            "2026-12-01T11:24:18.Z",
            "2026-12-01T11:24:18+0100",
            "2026-12-01T11:24:18Z ",
            "1969-12-31T23:59:59Z",
            "２026-12-01T11:24:18Z",
        ] {
            assert_eq!(Time::parse_iso(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn takes_a_javascript_time_value() {
        assert_eq!(Time::from_js(1_796_124_258_007.9).map(Time::millis), Some(1_796_124_258_007));
        for bad in [f64::NAN, f64::INFINITY, -1.0, 1e300] {
            assert_eq!(Time::from_js(bad), None, "{bad}");
        }
    }
}
