//! Verification of intent: a GET to the callback (its own query kept) with
//! `hub.mode`, `hub.topic`, `hub.lease_seconds` and `hub.challenge`; the
//! intent holds when the callback answers 2xx with exactly the challenge. A
//! denied subscribe gets `hub.mode=denied`, `hub.topic` and `hub.reason`.

use std::time::{Duration, Instant};

use time::OffsetDateTime;
use url::Url;

use super::hub::{Intent, Mode};
use super::Stored;
use crate::state::{lock, Shared};

/// The verification (or denial) URL of `intent`.
fn url_of(intent: &Intent) -> Option<Url> {
    let mut url = Url::parse(&intent.callback).ok()?;
    {
        let mut query = url.query_pairs_mut();
        match &intent.deny {
            Some(reason) => {
                query
                    .append_pair("hub.mode", "denied")
                    .append_pair("hub.topic", &intent.topic)
                    .append_pair("hub.reason", reason);
            }
            None => {
                query
                    .append_pair("hub.mode", intent.mode.as_str())
                    .append_pair("hub.topic", &intent.topic)
                    .append_pair("hub.lease_seconds", &intent.lease_seconds.to_string())
                    .append_pair("hub.challenge", &intent.challenge);
            }
        }
    }
    Some(url)
}

/// Whether `answer` confirms the intent: 2xx with the challenge as its whole body.
async fn confirms(answer: reqwest::Result<reqwest::Response>, challenge: &str) -> bool {
    match answer {
        Ok(response) if response.status().is_success() => response
            .bytes()
            .await
            .is_ok_and(|body| body == challenge.as_bytes()),
        _ => false,
    }
}

/// Verifies (or denies) `intent` and applies it to the subscriptions when it holds.
pub(crate) async fn run(shared: &Shared, intent: Intent) {
    let client = lock(shared).webhook.client();
    let (Some(client), Some(url)) = (client, url_of(&intent)) else {
        return;
    };
    let answer = client.get(url).send().await;
    if intent.deny.is_some() {
        tracing::debug!(callback = %intent.callback, "twitchapi-mock: webhook subscription denied");
        return;
    }
    if !confirms(answer, &intent.challenge).await {
        tracing::debug!(callback = %intent.callback, "twitchapi-mock: webhook intent not verified");
        return;
    }
    let mut state = lock(shared);
    match intent.mode {
        Mode::Subscribe => {
            let lease = Duration::from_secs(u64::from(intent.lease_seconds));
            state.webhook.upsert(Stored {
                callback: intent.callback,
                topic: intent.topic,
                key: intent.key,
                secret: intent.secret,
                lease_seconds: intent.lease_seconds,
                expires: Instant::now() + lease,
                expires_at: OffsetDateTime::now_utc() + lease,
            });
        }
        Mode::Unsubscribe => state.webhook.remove(&intent.callback, &intent.key),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn intent(deny: Option<&str>) -> Intent {
        Intent {
            mode: Mode::Subscribe,
            callback: "http://127.0.0.1:9/cb?uuid=u-1".to_owned(),
            topic: "https://api.twitch.tv/helix/users?id=1".to_owned(),
            key: "https://api.twitch.tv/helix/users?id=1".to_owned(),
            lease_seconds: 60,
            secret: None,
            challenge: "c".to_owned(),
            deny: deny.map(str::to_owned),
            verify_first: false,
        }
    }

    fn query(url: &Url) -> Vec<(String, String)> {
        url.query_pairs().into_owned().collect()
    }

    #[test]
    fn the_callback_keeps_its_query() {
        let url = url_of(&intent(None)).unwrap();
        let pairs = query(&url);
        let keys: Vec<&str> = pairs.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "uuid",
                "hub.mode",
                "hub.topic",
                "hub.lease_seconds",
                "hub.challenge"
            ]
        );
        assert_eq!(pairs[2].1, "https://api.twitch.tv/helix/users?id=1");
        let denied = query(&url_of(&intent(Some("no"))).unwrap());
        assert_eq!(denied[1], ("hub.mode".to_owned(), "denied".to_owned()));
        assert_eq!(denied[3], ("hub.reason".to_owned(), "no".to_owned()));
        assert_eq!(denied.len(), 4);
    }
}
