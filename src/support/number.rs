//! Numbers written for people, by integer arithmetic (no float formatting in the wasm).

/// `n` with a comma between each group of three digits ("10,000").
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `x` to three decimal places ("0.857", "-0.125"): agreement figures (`ui::agreement_figures`).
pub fn thousandths(x: f64) -> String {
    let t = (x * 1000.0).round() as i64;
    let sign = if t < 0 { "-" } else { "" };
    let t = t.unsigned_abs();
    format!("{sign}{}.{:03}", t / 1000, t % 1000)
}

#[cfg(test)]
mod tests {
    use super::{grouped, thousandths};

    #[test]
    fn thousandths_round_and_pad() {
        assert_eq!(thousandths(0.8571), "0.857");
        assert_eq!(thousandths(1.0), "1.000");
        assert_eq!(thousandths(0.0625), "0.063");
        assert_eq!(thousandths(-0.125), "-0.125");
        assert_eq!(thousandths(-0.0004), "0.000");
    }

    macro_rules! grouped_cases {
        ($($name:ident: $n:expr => $want:expr,)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(grouped($n), $want);
            }
        )*};
    }

    grouped_cases! {
        zero: 0 => "0",
        three_digits: 999 => "999",
        four_digits: 1_000 => "1,000",
        seven_digits: 1_234_567 => "1,234,567",
        largest: u64::MAX => "18,446,744,073,709,551,615",
    }
}
