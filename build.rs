//! Derives the lowercase table that `src/model/case.rs` reads (into `$OUT_DIR/lowercase.rs`) from
//! the standard library's own `char::to_lowercase`, so the two cannot disagree: the same rustc
//! builds this script and the app. The standard table has one entry per character (~1,400, 8 KB of
//! the gzipped wasm); here characters that map alike form runs (A–Z: +32; Ā, Ă, Ą…: every second
//! one, +1), 185 runs in all.

use std::fmt::Write as _;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    // (first, count, stride, delta): first + k·stride maps to itself + delta, for k < count.
    let mut runs: Vec<(u32, u32, u32, i64)> = Vec::new();
    let mut multi: Vec<(char, Vec<char>)> = Vec::new();
    for c in (0u32..=0x10FFFF).filter_map(char::from_u32).filter(|c| !c.is_ascii()) {
        let lower: Vec<char> = c.to_lowercase().collect();
        if lower.len() > 1 {
            multi.push((c, lower));
            continue;
        }
        if lower == [c] {
            continue;
        }
        let code = c as u32;
        let delta = i64::from(lower[0] as u32) - i64::from(code);
        if let Some(run) = runs.last_mut() {
            let gap = code - run.0;
            let extends =
                run.3 == delta && if run.1 == 1 { gap == 1 || gap == 2 } else { code == run.0 + run.1 * run.2 };
            if extends {
                if run.1 == 1 {
                    run.2 = gap;
                }
                run.1 += 1;
                continue;
            }
        }
        runs.push((code, 1, 1, delta));
    }
    let mut out = String::from("/// Runs of characters whose lowercase is themselves plus a delta: (first | (stride - 1) << 21 | count << 22, delta).\nconst RUNS: &[(u32, i32)] = &[\n");
    for (first, count, stride, delta) in runs {
        assert!(first < 1 << 21 && (1..=2).contains(&stride) && count < 1 << 10, "a run does not fit its packing");
        let packed = first | (stride - 1) << 21 | count << 22;
        let delta = i32::try_from(delta).expect("a delta fits an i32");
        let _ = writeln!(out, "    ({packed:#x}, {delta}),");
    }
    out.push_str("];\n\n/// Characters whose lowercase is two characters.\nconst PAIRS: &[(char, char, char)] = &[\n");
    for (c, lower) in multi {
        assert!(lower.len() == 2, "a lowercase mapping longer than two characters");
        let _ = writeln!(out, "    ({:?}, {:?}, {:?}),", c, lower[0], lower[1]);
    }
    out.push_str("];\n");
    let dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(format!("{dir}/lowercase.rs"), out).expect("OUT_DIR is writable");
}
