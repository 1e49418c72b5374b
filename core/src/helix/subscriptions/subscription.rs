use serde::{Deserialize, Serialize};

/// A subscription to a broadcaster (Get Broadcaster Subscriptions).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Subscription {
    /// The broadcaster's user id.
    pub broadcaster_id: String,
    /// The broadcaster's login.
    #[serde(default)]
    pub broadcaster_login: String,
    /// The broadcaster's display name.
    #[serde(default)]
    pub broadcaster_name: String,
    /// Id of the user who gifted the subscription (`""` when not a gift).
    #[serde(default)]
    pub gifter_id: String,
    /// Login of the gifter (`""` when not a gift).
    #[serde(default)]
    pub gifter_login: String,
    /// Display name of the gifter (`""` when not a gift).
    #[serde(default)]
    pub gifter_name: String,
    /// Whether the subscription is a gift.
    #[serde(default)]
    pub is_gift: bool,
    /// Name of the subscription plan.
    #[serde(default)]
    pub plan_name: String,
    /// Tier: `"1000"`, `"2000"` or `"3000"`.
    #[serde(default)]
    pub tier: String,
    /// The subscriber's user id.
    pub user_id: String,
    /// The subscriber's display name.
    #[serde(default)]
    pub user_name: String,
    /// The subscriber's login.
    #[serde(default)]
    pub user_login: String,
}
