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
        let Some(hex_digest) = signature.strip_prefix(b"sha256=") else {
            return false;
        };
        let mut expected = [0u8; 32];
        if hex::decode_to_slice(hex_digest, &mut expected).is_err() {
            return false;
        }
        let mut mac = self.0.clone();
        mac.update(id);
        mac.update(timestamp);
        mac.update(body);
        mac.verify_slice(&expected).is_ok()
    }
}
