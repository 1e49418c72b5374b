use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::serde_util::rfc3339;

/// A webhook subscription (Get Webhook Subscriptions, retired by Twitch).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WebhookSubscription {
    /// The subscribed topic URL.
    pub topic: String,
    /// The callback URL notifications go to.
    pub callback: String,
    /// When the subscription expires.
    #[serde(with = "rfc3339")]
    pub expires_at: OffsetDateTime,
}
