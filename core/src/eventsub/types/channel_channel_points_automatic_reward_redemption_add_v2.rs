//! `channel.channel_points_automatic_reward_redemption.add` version 2. The
//! channel.channel_points_automatic_reward_redemption.add subscription type
//! sends a notification when a viewer has redeemed an automatic channel points
//! reward on the specified channel.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The condition of a `channel.channel_points_automatic_reward_redemption.add` v2 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChannelPointsAutomaticRewardRedemptionAddV2Condition {
    /// User ID of the broadcaster.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub broadcaster_user_id: String,
}

impl ChannelChannelPointsAutomaticRewardRedemptionAddV2Condition {
    /// A condition with its required fields.
    pub fn new(broadcaster_user_id: impl Into<String>) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
        }
    }
}

/// A `channel.channel_points_automatic_reward_redemption.add` v2 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChannelPointsAutomaticRewardRedemptionAddV2Event {
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
    pub reward: ChannelChannelPointsAutomaticRewardRedemptionAddV2Reward,
    /// The message.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub message: ChannelChannelPointsAutomaticRewardRedemptionAddV2Message,
    /// When it redeemed (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub redeemed_at: Option<OffsetDateTime>,
}

/// The `reward` object of a `channel.channel_points_automatic_reward_redemption.add` v2 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChannelPointsAutomaticRewardRedemptionAddV2Reward {
    /// The kind of this object (the wire field `type`).
    #[serde(
        rename = "type",
        default,
        deserialize_with = "crate::serde_util::null_as_default"
    )]
    pub kind: ChannelChannelPointsAutomaticRewardRedemptionAddV2RewardType,
    /// The channel points.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub channel_points: u64,
    /// The emote, when this fragment is one.
    #[serde(default)]
    pub emote: Option<ChannelChannelPointsAutomaticRewardRedemptionAddV2Emote>,
}

/// The `message` object of a `channel.channel_points_automatic_reward_redemption.add` v2 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChannelPointsAutomaticRewardRedemptionAddV2Message {
    /// The text.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub text: String,
    /// The message split into text, emote, cheermote and mention fragments.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub fragments: Vec<ChannelChannelPointsAutomaticRewardRedemptionAddV2Fragment>,
}

/// The `emote` object of a `channel.channel_points_automatic_reward_redemption.add` v2 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChannelPointsAutomaticRewardRedemptionAddV2Emote {
    /// The ID.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub id: String,
    /// ID of the emote set the emote belongs to.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub emote_set_id: String,
}

/// One of the `fragments` of a `channel.channel_points_automatic_reward_redemption.add` v2 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChannelPointsAutomaticRewardRedemptionAddV2Fragment {
    /// The kind of this object (the wire field `type`).
    #[serde(
        rename = "type",
        default,
        deserialize_with = "crate::serde_util::null_as_default"
    )]
    pub kind: ChannelChannelPointsAutomaticRewardRedemptionAddV2FragmentType,
    /// The text.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub text: String,
    /// The emote, when this fragment is one.
    #[serde(default)]
    pub emote: Option<ChannelChannelPointsAutomaticRewardRedemptionAddV2Emote>,
}

string_enum! {
    /// The `RewardType` values of a `channel.channel_points_automatic_reward_redemption.add` v2 event.
    ChannelChannelPointsAutomaticRewardRedemptionAddV2RewardType {
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

string_enum! {
    /// The `FragmentType` values of a `channel.channel_points_automatic_reward_redemption.add` v2 event.
    ChannelChannelPointsAutomaticRewardRedemptionAddV2FragmentType {
        /// `text`.
        Text => "text",
        /// `cheermote`.
        Cheermote => "cheermote",
        /// `emote`.
        Emote => "emote",
        /// `mention`.
        Mention => "mention",
    }
}
