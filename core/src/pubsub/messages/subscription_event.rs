//! `channel-subscribe-events-v1.<channel_id>`: a subscription, resubscription or
//! gifted subscription in the channel.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

string_enum! {
    /// The kind of subscription event (`context`).
    SubscriptionContext {
        /// `sub`: a first subscription.
        Sub => "sub",
        /// `resub`: a subscription continued.
        Resub => "resub",
        /// `subgift`: a gifted subscription.
        SubGift => "subgift",
        /// `resubgift`: a gifted subscription, continued.
        ResubGift => "resubgift",
        /// `anonsubgift`: an anonymous gift.
        AnonSubGift => "anonsubgift",
        /// `anonresubgift`: an anonymous gift, continued.
        AnonResubGift => "anonresubgift",
        /// `extendsub`: a subscription extended in advance.
        ExtendSub => "extendsub",
    }
}

string_enum! {
    /// A subscription tier (`sub_plan`).
    SubPlan {
        /// `Prime`: Prime Gaming.
        Prime => "Prime",
        /// `1000`: tier 1.
        Tier1 => "1000",
        /// `2000`: tier 2.
        Tier2 => "2000",
        /// `3000`: tier 3.
        Tier3 => "3000",
    }
}

/// A subscription event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SubscriptionEvent {
    /// Login of the subscriber (the gifter, for gifts); `None` for anonymous gifts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
    /// Display name of the subscriber (the gifter, for gifts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Login of the channel.
    pub channel_name: String,
    /// Id of the subscriber (the gifter, for gifts); `None` for anonymous gifts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Id of the channel.
    pub channel_id: String,
    /// When it happened.
    #[serde(with = "crate::serde_util::rfc3339")]
    pub time: OffsetDateTime,
    /// The tier.
    pub sub_plan: SubPlan,
    /// Name of the subscription product.
    #[serde(default)]
    pub sub_plan_name: String,
    /// Months of the subscription (older shape; `0` in newer messages).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<u32>,
    /// Total months subscribed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cumulative_months: Option<u32>,
    /// Months subscribed in a row, when the user shares it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub streak_months: Option<u32>,
    /// What kind of event this is.
    pub context: SubscriptionContext,
    /// Whether the subscription was a gift.
    #[serde(default)]
    pub is_gift: bool,
    /// The message shared with the event.
    #[serde(default)]
    pub sub_message: SubMessage,
    /// Id of the gift's recipient.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_id: Option<String>,
    /// Login of the gift's recipient.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_user_name: Option<String>,
    /// Display name of the gift's recipient.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_display_name: Option<String>,
    /// Month in which a multi-month subscription ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benefit_end_month: Option<u32>,
    /// Months bought at once (multi-month subscriptions and gifts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multi_month_duration: Option<u32>,
}

/// The message of a subscription event.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SubMessage {
    /// The text; `""` when none was shared.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub message: String,
    /// Emotes in the text (`null` on the wire when there are none).
    #[serde(default)]
    pub emotes: Option<Vec<SubEmote>>,
}

/// An emote in a subscription message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SubEmote {
    /// Index of the first character.
    pub start: u32,
    /// Index of the last character.
    pub end: u32,
    /// Emote id (a number in Twitch's oldest documents).
    #[serde(deserialize_with = "super::string_or_number")]
    pub id: String,
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::super::test_util::message;
    use super::*;

    const FILE: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/vectors/pubsub/channel-subscribe-events-v1.json"
    ));

    fn parse(name: &str) -> SubscriptionEvent {
        serde_json::from_str(&message(FILE, name).message).unwrap()
    }

    #[test]
    fn parses_the_documented_resub() {
        let s = parse("subscription_doc_example_resub");
        assert_eq!(s.user_name.as_deref(), Some("tww2"));
        assert_eq!(s.display_name.as_deref(), Some("TWW2"));
        assert_eq!(s.channel_id, "89614178");
        // -08:00 in the document: the same instant.
        assert_eq!(s.time, datetime!(2015-12-20 00:39:57 UTC));
        assert_eq!(s.sub_plan, SubPlan::Tier1);
        assert_eq!(s.context, SubscriptionContext::Resub);
        assert_eq!(
            (s.cumulative_months, s.streak_months, s.months),
            (Some(9), Some(3), Some(0))
        );
        assert_eq!(s.sub_message.message, "A Twitch baby is born! KappaHD");
        let emotes = s.sub_message.emotes.unwrap();
        assert_eq!(emotes[0].id, "2867");
        assert_eq!((emotes[0].start, emotes[0].end), (23, 7));
        assert!(!s.is_gift);
    }

    #[test]
    fn parses_gifts() {
        let s = parse("subscription_doc_example_subgift");
        assert_eq!(s.context, SubscriptionContext::SubGift);
        assert!(s.is_gift);
        assert_eq!(s.recipient_id.as_deref(), Some("19571752"));
        assert_eq!(s.recipient_user_name.as_deref(), Some("forstycup"));
        assert_eq!(s.sub_message.emotes, None);

        let s = parse("resub_gift");
        assert_eq!(s.context, SubscriptionContext::ResubGift);
        assert_eq!(s.recipient_id, None);
        assert_eq!(s.recipient_display_name.as_deref(), Some("Champi70"));
        assert_eq!(s.cumulative_months, Some(24));
        assert!(s.sub_message.message.starts_with("\u{a1}Gracias"));
        assert_eq!(s.sub_message.emotes.unwrap()[0].id, "300741652");

        let s = parse("gifted_sub");
        assert_eq!(s.multi_month_duration, Some(1));
        assert_eq!(s.recipient_id.as_deref(), Some("1337"));
    }

    #[test]
    fn parses_new_sub_resub_and_extendsub() {
        let s = parse("new_sub");
        assert_eq!(s.context, SubscriptionContext::Sub);
        assert_eq!(s.benefit_end_month, Some(11));
        assert_eq!(s.time, datetime!(2020-10-20 22:17:43.242793831 UTC));

        let s = parse("resub");
        assert_eq!(s.sub_plan, SubPlan::Tier2);
        assert_eq!(
            s.sub_plan_name,
            "Channel Subscription (emilgardis): $9.99 Sub"
        );
        assert_eq!(s.streak_months, Some(12));

        let s = parse("extendsub");
        assert_eq!(s.context, SubscriptionContext::ExtendSub);
        assert_eq!(s.display_name.as_deref(), Some("User!"));
    }

    #[test]
    fn numeric_emote_ids_unknown_plans_and_anonymous_gifts() {
        let s: SubscriptionEvent = serde_json::from_value(serde_json::json!({
            "channel_name": "c", "channel_id": "1", "time": "2015-12-19T16:39:57-08:00",
            "sub_plan": "4000", "context": "anonsubgift", "is_gift": true,
            "sub_message": {"message": "hi", "emotes": [{"start": 0, "end": 1, "id": 2867}]},
            "recipient_id": "2"
        }))
        .unwrap();
        assert_eq!(s.user_id, None);
        assert_eq!(s.sub_plan, SubPlan::Unknown("4000".into()));
        assert_eq!(s.context, SubscriptionContext::AnonSubGift);
        assert_eq!(s.sub_message.emotes.unwrap()[0].id, "2867");
    }

    #[test]
    fn writes_the_wire_field_names_back() {
        let text = message(FILE, "resub").message;
        let s: SubscriptionEvent = serde_json::from_str(&text).unwrap();
        let wire: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(serde_json::to_value(&s).unwrap(), wire);
    }
}
