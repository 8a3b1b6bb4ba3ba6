//! Wall-clock time for `time.time()` and `time.strftime()`: the playground has no access to
//! the real date, so the run starts at a fixed instant (2023-11-14 22:13:20 UTC) and the clock
//! advances with the program's time.

/// The Unix time (seconds) at which every run starts.
pub const START_EPOCH: f64 = 1_700_000_000.0;

/// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

const DAYS: [&str; 7] = ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `time.strftime(format)` at Unix time `t` (UTC); `Err` names a directive it does not know.
pub fn strftime(format: &str, t: f64) -> Result<String, char> {
    let secs = t.floor() as i64;
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil(days);
    let (hh, mm, ss) = (rem / 3600, rem % 3600 / 60, rem % 60);
    let weekday = DAYS[days.rem_euclid(7) as usize];
    let month = MONTHS[(m - 1) as usize];
    let yday = days - {
        let mut k = days;
        while civil(k - 1).0 == y {
            k -= 1;
        }
        k
    } + 1;
    let mut out = String::new();
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(k) = chars.next() else {
            out.push('%');
            break;
        };
        let piece = match k {
            'Y' => format!("{y}"),
            'y' => format!("{:02}", y.rem_euclid(100)),
            'm' => format!("{m:02}"),
            'd' => format!("{d:02}"),
            'H' => format!("{hh:02}"),
            'I' => format!("{:02}", if hh % 12 == 0 { 12 } else { hh % 12 }),
            'p' => (if hh < 12 { "AM" } else { "PM" }).to_string(),
            'M' => format!("{mm:02}"),
            'S' => format!("{ss:02}"),
            'X' | 'T' => format!("{hh:02}:{mm:02}:{ss:02}"),
            'x' | 'D' => format!("{m:02}/{d:02}/{:02}", y.rem_euclid(100)),
            'F' => format!("{y}-{m:02}-{d:02}"),
            'R' => format!("{hh:02}:{mm:02}"),
            'A' => weekday.to_string(),
            'a' => weekday[..3].to_string(),
            'B' => month.to_string(),
            'b' | 'h' => month[..3].to_string(),
            'j' => format!("{yday:03}"),
            'c' => format!("{} {} {d:2} {hh:02}:{mm:02}:{ss:02} {y}", &weekday[..3], &month[..3]),
            'Z' => "UTC".to_string(),
            'z' => "+0000".to_string(),
            '%' => "%".to_string(),
            other => return Err(other),
        };
        out.push_str(&piece);
    }
    Ok(out)
}
