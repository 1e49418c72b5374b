//! Opaque pagination cursors: URL-safe base64 of `start.end.check`, where
//! `check` ties the numbers together so hand-made or garbled cursors fail.

use crate::state::splitmix;

/// The page a cursor was issued for: items `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Cursor {
    pub start: usize,
    pub end: usize,
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const SALT: u64 = 0x7477_6974_6368_6d6b;

fn check(start: usize, end: usize) -> u32 {
    (splitmix(SALT ^ ((start as u64) << 32) ^ end as u64) >> 16) as u32
}

impl Cursor {
    pub fn encode(self) -> String {
        let text = format!(
            "{}.{}.{:08x}",
            self.start,
            self.end,
            check(self.start, self.end)
        );
        base64_encode(text.as_bytes())
    }

    /// `None` for anything this mock did not issue.
    pub fn decode(text: &str) -> Option<Cursor> {
        let raw = base64_decode(text.trim_end_matches('='))?;
        let raw = String::from_utf8(raw).ok()?;
        let mut parts = raw.split('.');
        let start: usize = parts.next()?.parse().ok()?;
        let end: usize = parts.next()?.parse().ok()?;
        let sum = u32::from_str_radix(parts.next()?, 16).ok()?;
        if parts.next().is_some() || start > end || sum != check(start, end) {
            return None;
        }
        Some(Cursor { start, end })
    }
}

fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

fn base64_decode(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for c in text.bytes() {
        let v = ALPHABET.iter().position(|&a| a == c)? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        for (start, end) in [(0, 20), (20, 40), (99, 100), (0, 0), (123_456, 123_999)] {
            let cursor = Cursor { start, end };
            assert_eq!(Cursor::decode(&cursor.encode()), Some(cursor));
        }
    }

    #[test]
    fn rejects_garbage() {
        for bad in ["", "x", "20", "abc!", "MjA", "====", "MC4yMC4wMDAwMDAwMA"] {
            assert_eq!(Cursor::decode(bad), None, "{bad}");
        }
        let mut forged = Cursor { start: 0, end: 20 }.encode();
        forged.push('A');
        assert_eq!(Cursor::decode(&forged), None);
    }

    #[test]
    fn base64_matches_standard_alphabet() {
        assert_eq!(base64_encode(b"hello"), "aGVsbG8");
        assert_eq!(base64_decode("aGVsbG8"), Some(b"hello".to_vec()));
    }
}
