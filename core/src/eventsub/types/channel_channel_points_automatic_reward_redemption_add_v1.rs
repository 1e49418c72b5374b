//! `channel.channel_points_automatic_reward_redemption.add` version 1. The
//! channel.channel_points_automatic_reward_redemption.add subscription type
//! sends a notification when a viewer has redeemed an automatic channel points
//! reward on the specified channel.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The condition of a `channel.channel_points_automatic_reward_redemption.add` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChannelPointsAutomaticRewardRedemptionAddV1Condition {
    /// User ID of the broadcaster.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub broadcaster_user_id: String,
}

impl ChannelChannelPointsAutomaticRewardRedemptionAddV1Condition {
    /// A condition with its required fields.
    pub fn new(broadcaster_user_id: impl Into<String>) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
        }
    }
}

/// A `channel.channel_points_automatic_reward_redemption.add` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChannelPointsAutomaticRewardRedemptionAddV1Event {
    /// User ID of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_id: String,
    /// Display name of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_name: String,
    /// Login of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_login: String,
    /// User ID of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_id: String,
    /// Display name of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_name: String,
    /// Login of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_login: String,
    /// The ID.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub id: String,
    /// The reward.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub reward: ChannelChannelPointsAutomaticRewardRedemptionAddV1Reward,
    /// The message.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub message: ChannelChannelPointsAutomaticRewardRedemptionAddV1Message,
    /// The text the viewer entered.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_input: String,
    /// When it redeemed (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub redeemed_at: Option<OffsetDateTime>,
}

/// The `reward` object of a `channel.channel_points_automatic_reward_redemption.add` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChannelPointsAutomaticRewardRedemptionAddV1Reward {
    /// The kind of this object (the wire field `type`).
    #[serde(
        rename = "type",
        default,
        deserialize_with = "crate::serde_util::null_as_default"
    )]
    pub kind: ChannelChannelPointsAutomaticRewardRedemptionAddV1RewardType,
    /// The cost in channel points.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub cost: u64,
    /// The unlocked emote (`unlocked_emote`).
    #[serde(default)]
    pub unlocked_emote: Option<ChannelChannelPointsAutomaticRewardRedemptionAddV1UnlockedEmote>,
}

/// The `message` object of a `channel.channel_points_automatic_reward_redemption.add` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChannelPointsAutomaticRewardRedemptionAddV1Message {
    /// The text.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub text: String,
    /// The emotes.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub emotes: Vec<ChannelChannelPointsAutomaticRewardRedemptionAddV1Emote>,
}

/// The `unlocked_emote` object of a `channel.channel_points_automatic_reward_redemption.add` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChannelPointsAutomaticRewardRedemptionAddV1UnlockedEmote {
    /// The ID.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub id: String,
    /// The name.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub name: String,
}

/// One of the `emotes` of a `channel.channel_points_automatic_reward_redemption.add` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChannelPointsAutomaticRewardRedemptionAddV1Emote {
    /// The ID.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub id: String,
    /// The start.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub begin: u64,
    /// The end.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub end: u64,
}

string_enum! {
    /// The `RewardType` values of a `channel.channel_points_automatic_reward_redemption.add` v1 event.
    ChannelChannelPointsAutomaticRewardRedemptionAddV1RewardType {
        /// `single_message_bypass_sub_mode`.
        SingleMessageBypassSubMode => "single_message_bypass_sub_mode",
        /// `send_highlighted_message`.
        SendHighlightedMessage => "send_highlighted_message",
        /// `random_sub_emote_unlock`.
        RandomSubEmoteUnlock => "random_sub_emote_unlock",
        /// `chosen_sub_emote_unlock`.
        ChosenSubEmoteUnlock => "chosen_sub_emote_unlock",
        /// `chosen_modified_sub_emote_unlock`.
        ChosenModifiedSubEmoteUnlock => "chosen_modified_sub_emote_unlock",
        /// `message_effect`.
        MessageEffect => "message_effect",
        /// `gigantify_an_emote`.
        GigantifyAnEmote => "gigantify_an_emote",
        /// `celebration`.
        Celebration => "celebration",
    }
}
