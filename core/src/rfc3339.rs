//! RFC 3339 timestamps, read and written without `time`'s general format
//! machinery (which is most of what a timestamp costs in the WebAssembly
//! build). The reader takes what `time`'s RFC 3339 parser takes and gives
//! the same instant: `YYYY-MM-DD`, any one byte, `HH:MM:SS`, an optional
//! fraction (digits after the ninth are dropped), then `Z`, `z` or an offset
//! `+HH:MM` / `-HH:MM` (hours up to 23); a leap second (`:60`) stands for the
//! nanosecond before it, and only where a leap second may be (the last second
//! of a month in UTC). The writer writes UTC as `time` does: no fraction when
//! it is zero, else up to nine digits without trailing zeros. The tests below
//! hold both to `time`'s, on random and on damaged input.

use std::fmt;

use time::{Date, Month, OffsetDateTime, Time, UtcOffset};

/// What a text that is not an RFC 3339 timestamp reads as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NotRfc3339;

impl fmt::Display for NotRfc3339 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not an RFC 3339 timestamp")
    }
}

/// Reads an RFC 3339 timestamp; `None` when it is not one.
pub(crate) fn parse(text: &str) -> Option<OffsetDateTime> {
    read(text.as_bytes())
}

/// Like [`parse`], with an error that says what was wrong.
pub(crate) fn parse_or_error(text: &str) -> Result<OffsetDateTime, NotRfc3339> {
    read(text.as_bytes()).ok_or(NotRfc3339)
}

/// Appends `n`'s last `width` decimal digits, zero-padded.
fn put(out: &mut String, n: u32, width: u32) {
    for place in (0..width).rev() {
        out.push(char::from(b'0' + (n / 10u32.pow(place) % 10) as u8));
    }
}

/// `at` in UTC as RFC 3339 (`2021-03-10T15:04:21.5Z`); `None` when it has no
/// such form (its year in UTC is outside 0..=9999).
pub(crate) fn format_utc(at: &OffsetDateTime) -> Option<String> {
    let utc = at.checked_to_offset(UtcOffset::UTC)?;
    let year = u32::try_from(utc.year()).ok().filter(|y| *y <= 9999)?;
    let (hour, minute, second) = utc.to_hms();
    let mut out = String::with_capacity(30);
    put(&mut out, year, 4);
    let parts = [
        ('-', u8::from(utc.month())),
        ('-', utc.day()),
        ('T', hour),
        (':', minute),
        (':', second),
    ];
    for (before, part) in parts {
        out.push(before);
        put(&mut out, part.into(), 2);
    }
    let mut nanos = utc.nanosecond();
    if nanos != 0 {
        let mut width = 9;
        while nanos % 10 == 0 {
            nanos /= 10;
            width -= 1;
        }
        out.push('.');
        put(&mut out, nanos, width);
    }
    out.push('Z');
    Some(out)
}

/// The number in `bytes` (all ASCII digits), or `None`.
fn digits(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() {
        return None;
    }
    bytes.iter().try_fold(0u32, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// A two-digit field at `s[at..at + 2]` as `u8`.
fn two(s: &[u8], at: usize) -> Option<u8> {
    digits(s.get(at..at + 2)?).and_then(|n| u8::try_from(n).ok())
}

fn read(s: &[u8]) -> Option<OffsetDateTime> {
    // YYYY-MM-DD?HH:MM:SS: fixed places
    if s.len() < 20 || s[4] != b'-' || s[7] != b'-' || s[13] != b':' || s[16] != b':' {
        return None;
    }
    let year = i32::try_from(digits(&s[0..4])?).ok()?;
    let month = Month::try_from(two(s, 5)?).ok()?;
    let day = two(s, 8)?;
    let (hour, minute, mut second) = (two(s, 11)?, two(s, 14)?, two(s, 17)?);
    let mut rest = &s[19..];
    let mut nanos = 0u32;
    if let [b'.', fraction @ ..] = rest {
        let count = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        if count == 0 {
            return None;
        }
        let kept = &fraction[..count.min(9)];
        nanos = digits(kept)? * 10u32.pow(9 - kept.len() as u32);
        rest = &fraction[count..];
    }
    let offset = match rest {
        [b'Z' | b'z'] => UtcOffset::UTC,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let hours = i8::try_from(digits(&[*h1, *h2])?)
                .ok()
                .filter(|h| *h <= 23)?;
            let minutes = i8::try_from(digits(&[*m1, *m2])?).ok()?;
            let (hours, minutes) = if *sign == b'-' {
                (-hours, -minutes)
            } else {
                (hours, minutes)
            };
            UtcOffset::from_hms(hours, minutes, 0).ok()?
        }
        _ => return None,
    };
    let leap = second == 60;
    if leap {
        second = 59;
        nanos = 999_999_999;
    }
    let date = Date::from_calendar_date(year, month, day).ok()?;
    let time = Time::from_hms_nano(hour, minute, second, nanos).ok()?;
    let at = date.with_time(time).assume_offset(offset);
    if leap {
        // a leap second only ends a month, in UTC
        let utc = at.checked_to_offset(UtcOffset::UTC)?;
        let last_day = utc.month().length(utc.year());
        if utc.to_hms() != (23, 59, 59) || utc.day() != last_day {
            return None;
        }
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use rand_chacha::rand_core::{RngCore, SeedableRng};
    use time::format_description::well_known::Rfc3339;
    use time::{OffsetDateTime, UtcOffset};

    use super::{format_utc, parse, parse_or_error};

    fn by_time(text: &str) -> Option<OffsetDateTime> {
        OffsetDateTime::parse(text, &Rfc3339).ok()
    }

    #[test]
    fn reads_what_time_reads() {
        for text in [
            "2019-11-16T10:11:12.123Z",
            "2020-07-15T18:16:11.17106713Z",
            "2021-02-19T23:47:00.8091512Z",
            "2024-02-29T00:00:00Z",
            "2022-10-19T14:56:51.616329898Z",
            "2019-11-16T10:11:12+02:00",
            "2019-11-16t10:11:12z",
            "2019-11-16 10:11:12.5-05:30",
            "2019-11-16T10:11:12.1234567891234Z",
            "2016-12-31T23:59:60Z",
            "2017-01-01T00:59:60+01:00",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999-23:59",
        ] {
            assert!(parse(text).is_some(), "{text}");
            assert_eq!(parse(text), by_time(text), "{text}");
        }
        for other in [
            "1990-12-31T23:59:60+01:00",
            "1990-06-15T23:59:60Z",
            "2019-11-16T10:11:12",
            "2019-11-16T10:11:12.Z",
            "2019-11-16T10:11:12+24:00",
            "2019-11-16T10:11:12+02:60",
            "2019-11-16T10:11:12+0200",
            "2019-02-29T10:11:12Z",
            "2019-11-16T10:11:12Zjunk",
            "",
        ] {
            assert_eq!(parse(other), None, "{other}");
            assert_eq!(by_time(other), None, "{other}");
            assert!(parse_or_error(other).is_err());
        }
    }

    /// Random timestamps of every form and random damage to them: whatever
    /// either reader makes of a text, the other makes the same.
    #[test]
    fn agrees_with_time_on_random_and_damaged_input() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(3339);
        let alphabet = b"0123456789-:T.Zz+ t";
        let mut read = 0;
        for _ in 0..100_000 {
            let r = rng.next_u64();
            let mut text = format!(
                "{:04}-{:02}-{:02}{}{:02}:{:02}:{:02}",
                r % 10_000,
                (r >> 14) % 14,
                (r >> 18) % 33,
                ["T", "t", " ", "x"][((r >> 60) % 4) as usize],
                (r >> 24) % 25,
                (r >> 30) % 61,
                (r >> 36) % 62,
            )
            .into_bytes();
            let digits = (r >> 42) % 14;
            if digits > 0 {
                text.push(b'.');
                text.extend((0..digits).map(|i| b'0' + ((r >> (i * 3)) % 10) as u8));
            }
            let s = rng.next_u64();
            match s % 4 {
                0 => text.push(b'Z'),
                1 => text.push(b'z'),
                _ => text.extend(
                    format!(
                        "{}{:02}:{:02}",
                        if s & 4 == 0 { '+' } else { '-' },
                        (s >> 3) % 26,
                        (s >> 8) % 62
                    )
                    .bytes(),
                ),
            }
            for _ in 0..(rng.next_u32() % 3) {
                let at = rng.next_u32() as usize % text.len();
                match rng.next_u32() % 3 {
                    0 => text[at] = alphabet[rng.next_u32() as usize % alphabet.len()],
                    1 => {
                        text.remove(at);
                    }
                    _ => text.insert(at, alphabet[rng.next_u32() as usize % alphabet.len()]),
                }
                if text.is_empty() {
                    break;
                }
            }
            let Ok(text) = String::from_utf8(text) else {
                continue;
            };
            let ours = parse(&text);
            assert_eq!(ours, by_time(&text), "{text}");
            read += usize::from(ours.is_some());
        }
        assert!(read > 20_000, "{read}");
    }

    /// Leap seconds at the end of each month of a few years, in a few offsets.
    #[test]
    fn leap_seconds_as_time_takes_them() {
        for year in [1972, 2016, 2023, 2024] {
            for month in 1..=12u8 {
                for day in [28, 29, 30, 31] {
                    for offset in ["Z", "+00:30", "-01:00", "+23:59"] {
                        for hms in ["23:59:60", "00:59:60", "22:59:60"] {
                            let text = format!("{year}-{month:02}-{day:02}T{hms}{offset}");
                            assert_eq!(parse(&text), by_time(&text), "{text}");
                        }
                    }
                }
            }
        }
    }

    /// Random instants in random offsets: written as `time` writes them in
    /// UTC, and read back as the same instant.
    #[test]
    fn writes_what_time_writes() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(9);
        for i in 0..50_000 {
            let r = rng.next_u64();
            let seconds = (r % 253_402_300_800) as i64; // 0000-01-01 .. 9999-12-31
            let nanos = match i % 3 {
                0 => 0,
                1 => (rng.next_u32() % 1000) * 1_000_000,
                _ => rng.next_u32() % 1_000_000_000,
            };
            let at = OffsetDateTime::from_unix_timestamp(seconds - 62_167_219_200).unwrap()
                + time::Duration::nanoseconds(i64::from(nanos));
            let offset = UtcOffset::from_whole_seconds((rng.next_u32() % 170_000) as i32 - 85_000)
                .map(|o| UtcOffset::from_hms(o.whole_hours(), o.minutes_past_hour(), 0).unwrap())
                .unwrap();
            let Some(local) = at.checked_to_offset(offset) else {
                continue;
            };
            let theirs = at.to_offset(UtcOffset::UTC).format(&Rfc3339).unwrap();
            assert_eq!(format_utc(&local).as_deref(), Some(theirs.as_str()));
            assert_eq!(parse(&theirs), Some(at));
        }
        // no UTC form: a year outside 0..=9999 once the offset is taken off
        let late = OffsetDateTime::parse("9999-12-31T23:30:00-01:00", &Rfc3339).unwrap();
        assert_eq!(format_utc(&late), None);
        let early = OffsetDateTime::parse("0000-01-01T00:30:00+01:00", &Rfc3339).unwrap();
        assert_eq!(format_utc(&early), None);
    }
}
