//! `X-Hub-Signature`: `sha256=<hex HMAC-SHA256 of the raw body with the secret>`.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::Secret;

type HmacSha256 = Hmac<Sha256>;

/// Why a notification's signature was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SignatureError {
    /// No `X-Hub-Signature` header.
    Missing,
    /// A method other than `sha256` (the hub also knew sha1, sha384, sha512; we
    /// always ask for sha256, so anything else is not ours).
    Unsupported,
    /// Not `sha256=` followed by 64 hex digits.
    Malformed,
    /// Well formed, but not the HMAC of this body with our secret.
    Mismatch,
}

impl std::fmt::Display for SignatureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SignatureError::Missing => "X-Hub-Signature is missing",
            SignatureError::Unsupported => "X-Hub-Signature uses a method other than sha256",
            SignatureError::Malformed => "X-Hub-Signature is not sha256=<64 hex digits>",
            SignatureError::Mismatch => "X-Hub-Signature does not match the body",
        })
    }
}

/// The `X-Hub-Signature` value the hub sends for `body`.
///
/// ```
/// use twitchapi_core::{webhook, Secret};
///
/// let secret = Secret::new("s3cRe7");
/// let header = webhook::sign(&secret, br#"{"data":[]}"#);
/// assert!(header.starts_with("sha256=") && header.len() == 7 + 64);
/// assert_eq!(webhook::verify(&secret, br#"{"data":[]}"#, Some(header.as_bytes())), Ok(()));
/// ```
pub fn sign(secret: &Secret, body: &[u8]) -> String {
    let mut mac = mac(secret);
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// Checks `header` (the raw `X-Hub-Signature` value, if any) against `body`;
/// the comparison is constant-time (`hmac`'s `verify_slice`).
///
/// # Errors
///
/// The [`SignatureError`] that says what was wrong.
pub fn verify(secret: &Secret, body: &[u8], header: Option<&[u8]>) -> Result<(), SignatureError> {
    let header = header.ok_or(SignatureError::Missing)?;
    let text = std::str::from_utf8(header).map_err(|_| SignatureError::Malformed)?;
    let (method, digest) = text
        .trim()
        .split_once('=')
        .ok_or(SignatureError::Malformed)?;
    if !method.eq_ignore_ascii_case("sha256") {
        return Err(SignatureError::Unsupported);
    }
    let mut expected = [0u8; 32];
    hex::decode_to_slice(digest, &mut expected).map_err(|_| SignatureError::Malformed)?;
    let mut mac = mac(secret);
    mac.update(body);
    mac.verify_slice(&expected)
        .map_err(|_| SignatureError::Mismatch)
}

fn mac(secret: &Secret) -> HmacSha256 {
    // HMAC takes keys of any length
    HmacSha256::new_from_slice(secret.expose().as_bytes()).expect("HMAC accepts any key length")
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &[u8] = br#"{"data":[{"id":"1","type":"live"}]}"#;

    #[test]
    fn a_known_vector() {
        // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), RFC 4231 style check
        let secret = Secret::new("key");
        assert_eq!(
            sign(&secret, b"The quick brown fox jumps over the lazy dog"),
            "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
        );
    }

    #[test]
    fn only_the_right_signature_of_the_same_body_passes() {
        let secret = Secret::new("secret");
        let good = sign(&secret, BODY);
        assert_eq!(verify(&secret, BODY, Some(good.as_bytes())), Ok(()));
        // upper-case hex and method are still the same digest
        let upper = good.to_uppercase();
        assert_eq!(verify(&secret, BODY, Some(upper.as_bytes())), Ok(()));
        let wrong = sign(&Secret::new("other"), BODY);
        assert_eq!(
            verify(&secret, BODY, Some(wrong.as_bytes())),
            Err(SignatureError::Mismatch)
        );
        let mut tampered = BODY.to_vec();
        tampered[10] ^= 1;
        assert_eq!(
            verify(&secret, &tampered, Some(good.as_bytes())),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(verify(&secret, BODY, None), Err(SignatureError::Missing));
        let sha1 = format!("sha1={}", "ab".repeat(20));
        assert_eq!(
            verify(&secret, BODY, Some(sha1.as_bytes())),
            Err(SignatureError::Unsupported)
        );
        for bad in [
            "",
            "sha256",
            "sha256=",
            "sha256=zz",
            "sha256=abc",
            &good[..good.len() - 2],
            &format!("{good}00"),
        ] {
            assert_eq!(
                verify(&secret, BODY, Some(bad.as_bytes())),
                Err(SignatureError::Malformed),
                "{bad}"
            );
        }
        assert_eq!(
            verify(&secret, BODY, Some(&[0xff, 0xfe])),
            Err(SignatureError::Malformed)
        );
    }

    #[test]
    fn arbitrary_headers_never_panic_and_never_pass() {
        // every byte string derived from a good header by one edit fails, without a panic
        let secret = Secret::new("secret");
        let good = sign(&secret, BODY).into_bytes();
        for i in 0..good.len() {
            for b in [b'0', b'f', b'=', b' ', 0, 0xff] {
                let mut h = good.clone();
                if h[i] == b {
                    continue;
                }
                h[i] = b;
                assert!(verify(&secret, BODY, Some(&h)).is_err(), "{i} {b}");
            }
        }
    }
}
