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

#[cfg(test)]
mod tests {
    use super::grouped;

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
