//! Notifications: `{"data":[...]}` posted to every live subscription of a
//! topic, with Twitch's headers and an `X-Hub-Signature` made as [`Signing`] says.

use std::time::Instant;

use hmac::digest::KeyInit;
use hmac::{Hmac, Mac};
use sha1::Sha1;
use sha2::Sha256;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::{topic, Signing, HUB_URL};
use crate::state::{lock, Shared};

/// Where one notification goes.
struct Target {
    callback: String,
    topic: String,
    secret: Option<String>,
}

/// Lowercase hex of the HMAC of `body` under `key`.
fn mac_hex<M: Mac + KeyInit>(key: &[u8], body: &[u8]) -> String {
    match <M as Mac>::new_from_slice(key) {
        Ok(mut mac) => {
            mac.update(body);
            hex::encode(mac.finalize().into_bytes())
        }
        // HMAC takes keys of any length.
        Err(_) => String::new(),
    }
}

/// `sha256=` and the lowercase hex HMAC-SHA256 of `body` under `secret`.
pub(crate) fn sha256_signature(secret: &str, body: &[u8]) -> String {
    format!(
        "sha256={}",
        mac_hex::<Hmac<Sha256>>(secret.as_bytes(), body)
    )
}

/// `body` with its last ASCII letter or digit changed to another one.
fn tamper(mut body: Vec<u8>) -> Vec<u8> {
    if let Some(byte) = body.iter_mut().rev().find(|b| b.is_ascii_alphanumeric()) {
        *byte = match *byte {
            b'9' => b'0',
            b'z' => b'a',
            b'Z' => b'A',
            other => other + 1,
        };
    }
    body
}

/// The signature header (if any) and the body to send.
fn signed(signing: Signing, secret: Option<&str>, body: &[u8]) -> (Option<String>, Vec<u8>) {
    let key = secret.unwrap_or_default();
    match signing {
        Signing::Valid => (secret.map(|s| sha256_signature(s, body)), body.to_vec()),
        Signing::Missing => (None, body.to_vec()),
        Signing::WrongSecret => {
            let wrong = format!("{key}-not-the-secret");
            (Some(sha256_signature(&wrong, body)), body.to_vec())
        }
        Signing::Malformed => (Some("sha256=not-hex".to_owned()), body.to_vec()),
        Signing::Sha1 => {
            let signature = format!("sha1={}", mac_hex::<Hmac<Sha1>>(key.as_bytes(), body));
            (Some(signature), body.to_vec())
        }
        Signing::Tampered => (Some(sha256_signature(key, body)), tamper(body.to_vec())),
    }
}

/// The `Link` header of a notification on `topic`.
fn link(topic: &str) -> String {
    format!("<{HUB_URL}>; rel=\"hub\", <{topic}>; rel=\"self\"")
}

/// Posts `data` to every live subscription of `topic` (compared in canonical
/// form); returns each callback's status, 0 where the request failed.
pub(crate) async fn notify(
    shared: &Shared,
    topic_text: &str,
    data: Vec<serde_json::Value>,
    signing: Signing,
    notification_id: Option<String>,
) -> Vec<u16> {
    let key = topic::key_of(topic_text);
    let (targets, id, client) = {
        let mut state = lock(shared);
        let id = notification_id.unwrap_or_else(|| state.next_uuid());
        let targets: Vec<Target> = state
            .webhook
            .live(Instant::now())
            .iter()
            .filter(|s| s.key == key)
            .map(|s| Target {
                callback: s.callback.clone(),
                topic: s.topic.clone(),
                secret: s.secret.clone(),
            })
            .collect();
        (targets, id, state.webhook.client())
    };
    if targets.is_empty() {
        return Vec::new();
    }
    let body = serde_json::to_vec(&serde_json::json!({ "data": data })).unwrap_or_default();
    let mut statuses = Vec::with_capacity(targets.len());
    for target in targets {
        let Some(client) = &client else {
            statuses.push(0);
            continue;
        };
        let (signature, sent) = signed(signing, target.secret.as_deref(), &body);
        let timestamp = OffsetDateTime::now_utc()
            .format(&Rfc3339)
            .unwrap_or_default();
        let mut request = client
            .post(&target.callback)
            .header("Content-Type", "application/json")
            .header("Twitch-Notification-Id", &id)
            .header("Twitch-Notification-Timestamp", timestamp)
            .header("Link", link(&target.topic))
            .body(sent);
        if let Some(signature) = signature {
            request = request.header("X-Hub-Signature", signature);
        }
        let status = match request.send().await {
            Ok(response) => response.status().as_u16(),
            Err(error) => {
                tracing::debug!(%error, callback = %target.callback, "twitchapi-mock: notification failed");
                0
            }
        };
        statuses.push(status);
    }
    statuses
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures() {
        // RFC 4231, test case 2.
        let body = b"what do ya want for nothing?";
        assert_eq!(
            sha256_signature("Jefe", body),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        let (header, sent) = signed(Signing::Sha1, Some("Jefe"), body);
        assert_eq!(
            header.as_deref(),
            Some("sha1=effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")
        );
        assert_eq!(sent, body);
        assert_eq!(signed(Signing::Valid, None, body).0, None);
        assert_eq!(signed(Signing::Missing, Some("Jefe"), body).0, None);
        let (wrong, _) = signed(Signing::WrongSecret, Some("Jefe"), body);
        assert_ne!(wrong, Some(sha256_signature("Jefe", body)));
        let (header, sent) = signed(Signing::Tampered, Some("Jefe"), body);
        assert_eq!(header, Some(sha256_signature("Jefe", body)));
        assert_eq!(sent.len(), body.len());
        assert_eq!(sent.iter().zip(body).filter(|(a, b)| a != b).count(), 1);
    }

    #[test]
    fn tampering_keeps_json_valid() {
        let body = br#"{"data":[{"id":"19"}]}"#.to_vec();
        assert_eq!(tamper(body), br#"{"data":[{"id":"10"}]}"#);
    }
}
