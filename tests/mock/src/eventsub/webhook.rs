//! The webhook side of EventSub: messages POSTed to callbacks with Twitch's
//! headers, signed as [`EventSubSigning`] says, retried with a doubling
//! backoff while the callback fails; and the callback verification run once
//! the 202 of a create has been written.
//!
//! Headers: `Twitch-Eventsub-Message-Id`, `-Message-Retry` (0, then the
//! retry's number), `-Message-Type` (`webhook_callback_verification`,
//! `notification`, `revocation`), `-Message-Signature` (`sha256=` and the
//! hex HMAC-SHA256 of id, timestamp and body), `-Message-Timestamp`
//! (RFC 3339), `-Subscription-Type` and `-Subscription-Version`.

use std::time::Duration;

use axum::body::Bytes;
use axum::response::Response;
use time::OffsetDateTime;

use super::subscription::{ENABLED, FAILED, PENDING};
use super::EventSubSigning;
use crate::conn::Conn;
use crate::model::rfc3339;
use crate::state::{lock, Shared};
use crate::webhook::{sha256_signature, CALLBACK_TIMEOUT};

/// How old a [`EventSubSigning::Stale`] timestamp is.
pub(crate) const STALE_BY: Duration = Duration::from_secs(11 * 60);

/// One message for a callback.
#[derive(Clone, Debug)]
pub(crate) struct Outgoing {
    pub callback: String,
    pub secret: String,
    pub message_id: String,
    pub message_type: &'static str,
    pub kind: String,
    pub version: String,
    pub body: Vec<u8>,
}

/// The timestamp and signature header of one attempt to send `out`.
pub(crate) fn stamp(
    signing: EventSubSigning,
    out: &Outgoing,
    now: OffsetDateTime,
) -> (String, Option<String>) {
    let at = match signing {
        EventSubSigning::Stale => now - STALE_BY,
        _ => now,
    };
    let timestamp = rfc3339(at);
    let mut signed = Vec::with_capacity(out.message_id.len() + timestamp.len() + out.body.len());
    signed.extend_from_slice(out.message_id.as_bytes());
    signed.extend_from_slice(timestamp.as_bytes());
    signed.extend_from_slice(&out.body);
    let signature = match signing {
        EventSubSigning::Valid | EventSubSigning::Stale => {
            Some(sha256_signature(&out.secret, &signed))
        }
        EventSubSigning::Wrong => Some(sha256_signature(
            &format!("{}-not-the-secret", out.secret),
            &signed,
        )),
        EventSubSigning::Missing => None,
    };
    (timestamp, signature)
}

/// Sends `out` once (as retry number `retry`); the status and body of the
/// answer, `None` when there was none.
pub(crate) async fn send_once(
    client: &reqwest::Client,
    out: &Outgoing,
    signing: EventSubSigning,
    retry: u32,
) -> Option<(u16, Bytes)> {
    let (timestamp, signature) = stamp(signing, out, OffsetDateTime::now_utc());
    let mut request = client
        .post(&out.callback)
        .header("Content-Type", "application/json")
        .header("Twitch-Eventsub-Message-Id", &out.message_id)
        .header("Twitch-Eventsub-Message-Retry", retry.to_string())
        .header("Twitch-Eventsub-Message-Type", out.message_type)
        .header("Twitch-Eventsub-Message-Timestamp", timestamp)
        .header("Twitch-Eventsub-Subscription-Type", &out.kind)
        .header("Twitch-Eventsub-Subscription-Version", &out.version)
        .body(out.body.clone());
    if let Some(signature) = signature {
        request = request.header("Twitch-Eventsub-Message-Signature", signature);
    }
    match request.send().await {
        Ok(response) => {
            let status = response.status().as_u16();
            Some((status, response.bytes().await.unwrap_or_default()))
        }
        Err(error) => {
            tracing::debug!(%error, callback = %out.callback, "twitchapi-mock: eventsub webhook message failed");
            None
        }
    }
}

/// How `out` is retried.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Retry {
    pub retries: u32,
    pub backoff: Duration,
}

/// Sends `out` until the callback answers 2xx, retrying `retry.retries`
/// times with a doubling backoff; whether it was taken.
pub(crate) async fn deliver(
    client: &reqwest::Client,
    out: &Outgoing,
    signing: EventSubSigning,
    retry: Retry,
) -> bool {
    let mut wait = retry.backoff;
    for attempt in 0..=retry.retries {
        if let Some((status, _)) = send_once(client, out, signing, attempt).await {
            if (200..300).contains(&status) {
                return true;
            }
        }
        if attempt < retry.retries {
            tokio::time::sleep(wait).await;
            wait = wait.saturating_mul(2);
        }
    }
    false
}

/// A callback verification to run once the create's 202 went out.
#[derive(Clone, Debug)]
pub(crate) struct Verification {
    pub subscription_id: String,
    pub challenge: String,
    pub out: Outgoing,
}

/// Runs the verification attached to `response`, if any, in a task of its
/// own once the answer has been written on `conn` (at once without a
/// connection handle).
pub(crate) async fn follow_up(shared: &Shared, response: &mut Response, conn: Option<&Conn>) {
    let Some(verification) = response.extensions_mut().remove::<Verification>() else {
        return;
    };
    let written = conn.map(Conn::when_written);
    let shared = shared.clone();
    tokio::spawn(async move {
        if let Some(written) = written {
            // A cut or closed connection still has its callback verified.
            let _ = tokio::time::timeout(CALLBACK_TIMEOUT, written).await;
        }
        verify(&shared, verification).await;
    });
}

/// Posts the challenge; the subscription is enabled when the callback
/// answers 200 with exactly the challenge, else its verification failed.
async fn verify(shared: &Shared, verification: Verification) {
    let (client, signing) = {
        let mut state = lock(shared);
        (state.webhook.client(), state.eventsub.signing)
    };
    let confirmed = match &client {
        Some(client) => matches!(
            send_once(client, &verification.out, signing, 0).await,
            Some((200, body)) if body == verification.challenge.as_bytes()
        ),
        None => false,
    };
    let mut state = lock(shared);
    if let Some(sub) = state.eventsub.find_mut(&verification.subscription_id) {
        if sub.status == PENDING {
            sub.status = if confirmed { ENABLED } else { FAILED }.to_owned();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outgoing() -> Outgoing {
        Outgoing {
            callback: "http://127.0.0.1:9/cb".to_owned(),
            secret: "0123456789".to_owned(),
            message_id: "m-1".to_owned(),
            message_type: "notification",
            kind: "stream.online".to_owned(),
            version: "1".to_owned(),
            body: b"{}".to_vec(),
        }
    }

    #[test]
    fn signatures_cover_id_timestamp_and_body() {
        let out = outgoing();
        let now = OffsetDateTime::UNIX_EPOCH + Duration::from_secs(3600);
        let (timestamp, signature) = stamp(EventSubSigning::Valid, &out, now);
        assert_eq!(timestamp, "1970-01-01T01:00:00Z");
        let want = sha256_signature(&out.secret, format!("m-1{timestamp}{{}}").as_bytes());
        assert_eq!(signature, Some(want.clone()));
        let (_, wrong) = stamp(EventSubSigning::Wrong, &out, now);
        assert!(wrong.is_some_and(|w| w != want));
        assert_eq!(stamp(EventSubSigning::Missing, &out, now).1, None);
        let (old, signature) = stamp(EventSubSigning::Stale, &out, now);
        assert_eq!(old, "1970-01-01T00:49:00Z");
        let want = sha256_signature(&out.secret, format!("m-1{old}{{}}").as_bytes());
        assert_eq!(signature, Some(want));
    }
}
