//! RFC 3339 timestamps as Twitch writes them (`2019-11-16T10:11:12.123Z`),
//! read without the general format machinery; any other form (an offset,
//! lower-case letters, a leap second, more than nine fractional digits) is
//! left to `time`'s full RFC 3339 parser, so the result is always `time`'s.

use time::format_description::well_known::Rfc3339;
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time};

/// Reads an RFC 3339 timestamp; `None` when it is not one.
pub(crate) fn parse(text: &str) -> Option<OffsetDateTime> {
    fast(text.as_bytes()).or_else(|| OffsetDateTime::parse(text, &Rfc3339).ok())
}

/// Like [`parse`], with `time`'s error.
pub(crate) fn parse_or_error(text: &str) -> Result<OffsetDateTime, time::error::Parse> {
    match fast(text.as_bytes()) {
        Some(at) => Ok(at),
        None => OffsetDateTime::parse(text, &Rfc3339),
    }
}

fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// `YYYY-MM-DDTHH:MM:SS[.F{1,9}]Z`, or `None`.
fn fast(s: &[u8]) -> Option<OffsetDateTime> {
    if s.len() < 20
        || s[4] != b'-'
        || s[7] != b'-'
        || s[10] != b'T'
        || s[13] != b':'
        || s[16] != b':'
        || s[s.len() - 1] != b'Z'
    {
        return None;
    }
    let nanos = match &s[19..s.len() - 1] {
        [] => 0,
        [b'.', fraction @ ..] if (1..=9).contains(&fraction.len()) => {
            digits(fraction)? * 10u32.pow(9 - fraction.len() as u32)
        }
        _ => return None,
    };
    let year = i32::try_from(digits(&s[0..4])?).ok()?;
    let month = Month::try_from(u8::try_from(digits(&s[5..7])?).ok()?).ok()?;
    let day = u8::try_from(digits(&s[8..10])?).ok()?;
    let (hour, minute, second) = (
        digits(&s[11..13])?,
        digits(&s[14..16])?,
        digits(&s[17..19])?,
    );
    if second > 59 {
        return None; // a leap second: `time`'s rules
    }
    let date = Date::from_calendar_date(year, month, day).ok()?;
    let time = Time::from_hms_nano(
        u8::try_from(hour).ok()?,
        u8::try_from(minute).ok()?,
        u8::try_from(second).ok()?,
        nanos,
    )
    .ok()?;
    Some(PrimitiveDateTime::new(date, time).assume_utc())
}

#[cfg(test)]
mod tests {
    use rand_chacha::rand_core::{RngCore, SeedableRng};
    use time::format_description::well_known::Rfc3339;
    use time::OffsetDateTime;

    use super::{fast, parse};

    #[test]
    fn twitchs_forms_read_as_time_reads_them() {
        for text in [
            "2019-11-16T10:11:12.123Z",
            "2020-07-15T18:16:11.17106713Z",
            "2021-02-19T23:47:00.8091512Z",
            "2024-02-29T00:00:00Z",
            "2022-10-19T14:56:51.616329898Z",
        ] {
            assert_eq!(
                fast(text.as_bytes()),
                OffsetDateTime::parse(text, &Rfc3339).ok()
            );
            assert!(fast(text.as_bytes()).is_some(), "{text}");
        }
        for other in [
            "2019-11-16T10:11:12+02:00",
            "2019-11-16t10:11:12z",
            "1990-12-31T23:59:60Z",
        ] {
            assert!(fast(other.as_bytes()).is_none());
            assert_eq!(parse(other), OffsetDateTime::parse(other, &Rfc3339).ok());
        }
    }

    /// Random timestamps and random damage to them: whatever the fast path
    /// reads, `time` reads the same; what it does not read is left to `time`.
    #[test]
    fn the_fast_path_agrees_with_time_on_random_and_damaged_input() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(3339);
        let alphabet = b"0123456789-:T.Zz+ t";
        let mut read = 0;
        for _ in 0..50_000 {
            let r = rng.next_u64();
            let mut text = format!(
                "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
                r % 10_000,
                (r >> 14) % 14,
                (r >> 18) % 33,
                (r >> 24) % 25,
                (r >> 30) % 61,
                (r >> 36) % 62,
            )
            .into_bytes();
            let digits = (r >> 42) % 12;
            if digits > 0 {
                text.push(b'.');
                text.extend((0..digits).map(|i| b'0' + ((r >> (i * 3)) % 10) as u8));
            }
            text.push(b'Z');
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
            let by_time = OffsetDateTime::parse(&text, &Rfc3339).ok();
            if let Some(at) = fast(text.as_bytes()) {
                assert_eq!(Some(at), by_time, "{text}");
                read += 1;
            }
            assert_eq!(parse(&text), by_time, "{text}");
        }
        assert!(read > 10_000, "{read}");
    }
}
