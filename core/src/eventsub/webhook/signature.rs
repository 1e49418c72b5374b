//! `Twitch-Eventsub-Message-Signature`: `sha256=` + hex HMAC-SHA256(secret,
//! message id + timestamp + raw body).

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::{Error, Secret};

type HmacSha256 = Hmac<Sha256>;

/// Checks Twitch's rule for webhook secrets: 10 to 100 ASCII characters.
///
/// # Errors
///
/// [`Error::InvalidArgument`] otherwise.
pub fn check_secret(secret: &Secret) -> Result<(), Error> {
    let s = secret.expose();
    if !(10..=100).contains(&s.len()) || !s.is_ascii() {
        return Err(Error::invalid(
            "an EventSub webhook secret must be 10 to 100 ASCII characters",
        ));
    }
    Ok(())
}

fn mac(secret: &Secret, id: &[u8], timestamp: &[u8], body: &[u8]) -> HmacSha256 {
    let mut mac =
        HmacSha256::new_from_slice(secret.expose().as_bytes()).expect("HMAC takes any key length");
    mac.update(id);
    mac.update(timestamp);
    mac.update(body);
    mac
}

/// The signature header value Twitch sends for a message.
///
/// ```
/// use twitchapi_core::{eventsub::webhook, Secret};
/// let sig = webhook::sign(&Secret::new("secretabcd"), b"id", b"2021-02-19T23:47:00Z", b"{}");
/// assert!(webhook::verify(&Secret::new("secretabcd"), b"id", b"2021-02-19T23:47:00Z", b"{}", sig.as_bytes()));
/// ```
pub fn sign(secret: &Secret, id: &[u8], timestamp: &[u8], body: &[u8]) -> String {
    format!(
        "sha256={}",
        hex::encode(mac(secret, id, timestamp, body).finalize().into_bytes())
    )
}

/// Whether `signature` (the header's raw value) is right for the message; the
/// comparison is constant-time.
pub fn verify(secret: &Secret, id: &[u8], timestamp: &[u8], body: &[u8], signature: &[u8]) -> bool {
    Keyed::new(secret).verify(id, timestamp, body, signature)
}

/// The HMAC of one secret with its key already taken in (the padded key
/// blocks hashed once), so that each message costs only its own blocks.
#[derive(Clone)]
pub(crate) struct Keyed(HmacSha256);

impl Keyed {
    pub(crate) fn new(secret: &Secret) -> Keyed {
        Keyed(
            HmacSha256::new_from_slice(secret.expose().as_bytes())
                .expect("HMAC takes any key length"),
        )
    }

    /// As [`verify`].
    pub(crate) fn verify(
        &self,
        id: &[u8],
        timestamp: &[u8],
        body: &[u8],
        signature: &[u8],
    ) -> bool {
        let Some(expected) = signature.strip_prefix(b"sha256=").and_then(decode_digest) else {
            return false;
        };
        let mut mac = self.0.clone();
        mac.update(id);
        mac.update(timestamp);
        mac.update(body);
        mac.verify_slice(&expected).is_ok()
    }
}

/// The value of each hex digit (either case); 0xFF for any other byte.
const HEX: [u8; 256] = {
    let mut table = [0xFF; 256];
    let mut i = 0;
    while i < 10 {
        table[b'0' as usize + i] = i as u8;
        i += 1;
    }
    let mut i = 0;
    while i < 6 {
        table[b'a' as usize + i] = 10 + i as u8;
        table[b'A' as usize + i] = 10 + i as u8;
        i += 1;
    }
    table
};

/// 64 hex digits to the 32 bytes of a digest, without a branch per digit
/// (random digits make such branches mispredict).
fn decode_digest(hex: &[u8]) -> Option<[u8; 32]> {
    if hex.len() != 64 {
        return None;
    }
    let (mut digest, mut bad) = ([0u8; 32], 0u8);
    for (byte, pair) in digest.iter_mut().zip(hex.chunks_exact(2)) {
        let (high, low) = (HEX[usize::from(pair[0])], HEX[usize::from(pair[1])]);
        bad |= high | low;
        *byte = (high << 4) | (low & 0x0F);
    }
    (bad & 0xF0 == 0).then_some(digest)
}

#[cfg(test)]
mod tests {
    use super::decode_digest;

    #[test]
    fn digests_decode_as_the_hex_crate_decodes_them() {
        let digest: Vec<u8> = (0..32u8).map(|i| i.wrapping_mul(37) ^ 0xA5).collect();
        for text in [hex::encode(&digest), hex::encode_upper(&digest)] {
            assert_eq!(decode_digest(text.as_bytes()).unwrap().to_vec(), digest);
        }
        let good = hex::encode(&digest).into_bytes();
        for at in 0..64 {
            for bad in [b'g', b'G', b'/', b':', b'@', b'`', b' ', 0xFF] {
                let mut text = good.clone();
                text[at] = bad;
                assert!(decode_digest(&text).is_none());
            }
        }
        assert!(decode_digest(&good[..62]).is_none());
        assert!(decode_digest(&[good.clone(), b"00".to_vec()].concat()).is_none());
    }
}
