//! Integers written into TIMEX3 values directly: a value such as "2023-10-12" is a few
//! padded numbers, and the formatting machinery costs more than writing their digits, which
//! `itoa` does without it.

/// Appends `n` in decimal, zero-padded to `width` characters counting a minus sign: what
/// `format!("{n:0width$}")` writes.
pub(crate) fn push_padded(out: &mut String, n: i64, width: usize) {
    let mut buffer = itoa::Buffer::new();
    let written = buffer.format(n);
    // The zeros go between the sign and the digits, as `format!` puts them.
    let digits = match written.strip_prefix('-') {
        Some(digits) => {
            out.push('-');
            digits
        }
        None => written,
    };
    for _ in written.len()..width {
        out.push('0');
    }
    out.push_str(digits);
}

/// `n` in decimal, zero-padded to `width` characters (see [`push_padded`]).
pub(crate) fn padded(n: i64, width: usize) -> String {
    // Room for a whole date ("2023-10-12") that is written on after a year.
    let mut out = String::with_capacity(10);
    push_padded(&mut out, n, width);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_months_and_days_are_padded_as_format_pads_them() {
        assert_eq!(padded(7, 2), "07");
        assert_eq!(padded(1998, 4), "1998");
        assert_eq!(padded(33, 4), "0033");
        assert_eq!(padded(-5, 4), "-005");
        assert_eq!(padded(12345, 4), "12345");
        assert_eq!(padded(0, 0), "0");
        assert_eq!(padded(i64::MIN, 4), i64::MIN.to_string());
    }

    proptest::proptest! {
        #[test]
        fn padding_writes_what_format_writes(n in proptest::num::i64::ANY, width in 0usize..8) {
            proptest::prop_assert_eq!(padded(n, width), format!("{n:0width$}"));
        }
    }
}
