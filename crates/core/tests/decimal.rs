//! The project's decimal-to-float parser against the standard library's.
#![cfg(not(target_arch = "wasm32"))]

use playground_core::decimal::parse_f64;
use proptest::prelude::*;

fn same(text: &str) {
    let theirs: Option<f64> = text.parse().ok();
    let ours = parse_f64(text);
    let bits = |v: Option<f64>| v.map(|v| if v.is_nan() { u64::MAX } else { v.to_bits() });
    assert_eq!(bits(ours), bits(theirs), "{text}: ours {ours:?}, std's {theirs:?}");
}

#[test]
fn hard_cases_round_as_the_standard_parser() {
    let halfway_above_max = format!("{}", (1u128 << 127) as f64 * (2f64).powi(896) * (1.0 - 2f64.powi(-54)));
    let cases = [
        "0",
        "0.0",
        "-0.0",
        "+1",
        "1.",
        ".5",
        "1e10",
        "1E-5",
        "2.5e+3",
        "00012.3400e-2",
        "inf",
        "-Infinity",
        "NaN",
        "nan",
        "9007199254740993",
        "9007199254740992.5",
        "9007199254740994.99",
        "2.2250738585072011e-308",
        "2.2250738585072014e-308",
        "4.9406564584124654e-324",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        "1e-400",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "1.7976931348623159e308",
        "1e309",
        "0.1",
        "0.3",
        "123456789012345678901234567890e-20",
        "1e23",
        "8.98846567431158e307",
        "0.000000000000000000001",
        "3.141592653589793238462643383279502884197",
        "1e0000000000000000000000001",
        "1e-99999999999999",
        halfway_above_max.as_str(),
        "",
        "-",
        ".",
        "e5",
        "1e",
        "1e+",
        "1.2.3",
        "1_0",
        " 1",
        "0x10",
        "++1",
        "infinit",
    ];
    for case in cases {
        same(case);
    }
}

proptest! {
    #[test]
    fn every_float_printed_reads_back(bits in any::<u64>()) {
        let v = f64::from_bits(bits);
        for text in [format!("{v}"), format!("{v:e}"), format!("{v:.17e}"), format!("{v:.3e}"), format!("{v:.25}")] {
            same(&text);
        }
    }

    #[test]
    fn decimal_texts_round_as_the_standard_parser(
        whole in "[0-9]{0,25}", fraction in "[0-9]{0,25}", exponent in -400i32..400, point in any::<bool>()
    ) {
        let text = if point || whole.is_empty() { format!("{whole}.{fraction}e{exponent}") } else { format!("{whole}e{exponent}") };
        same(&text);
    }
}
