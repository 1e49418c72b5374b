//! `channel.chat.notification` version 1. The channel.chat.notification
//! subscription type sends a notification when an event that appears in chat
//! occurs, such as someone subscribing to the channel or a subscription is
//! gifted.

use serde::{Deserialize, Serialize};

/// The condition of a `channel.chat.notification` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatNotificationV1Condition {
    /// User ID of the broadcaster.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub broadcaster_user_id: String,
    /// User ID of the user.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub user_id: String,
}

impl ChannelChatNotificationV1Condition {
    /// A condition with its required fields.
    pub fn new(broadcaster_user_id: impl Into<String>, user_id: impl Into<String>) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
            user_id: user_id.into(),
        }
    }
}

/// A `channel.chat.notification` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatNotificationV1Event {
    /// User ID of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_id: String,
    /// Login of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_login: String,
    /// Display name of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_name: String,
    /// User ID of the chatter.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub chatter_user_id: String,
    /// Login of the chatter.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub chatter_user_login: String,
    /// Display name of the chatter.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub chatter_user_name: String,
    /// Whether the chatter is anonymous.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub chatter_is_anonymous: bool,
    /// The colour.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub color: String,
    /// The chatter's badges.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub badges: Vec<ChannelChatNotificationV1Badge>,
    /// The message Twitch shows for the notice.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub system_message: String,
    /// ID of the chat message.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub message_id: String,
    /// The message.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub message: ChannelChatNotificationV1Message,
    /// Which notice this is; the matching field holds its details.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub notice_type: ChannelChatNotificationV1NoticeType,
    /// The details of a `sub` notice.
    #[serde(default)]
    pub sub: Option<ChannelChatNotificationV1Sub>,
    /// The details of a `resub` notice.
    #[serde(default)]
    pub resub: Option<ChannelChatNotificationV1Resub>,
    /// The details of a `sub_gift` notice.
    #[serde(default)]
    pub sub_gift: Option<ChannelChatNotificationV1SubGift>,
    /// The details of a `community_sub_gift` notice.
    #[serde(default)]
    pub community_sub_gift: Option<ChannelChatNotificationV1CommunitySubGift>,
    /// The details of a `gift_paid_upgrade` notice.
    #[serde(default)]
    pub gift_paid_upgrade: Option<ChannelChatNotificationV1GiftPaidUpgrade>,
    /// The details of a `prime_paid_upgrade` notice.
    #[serde(default)]
    pub prime_paid_upgrade: Option<ChannelChatNotificationV1PrimePaidUpgrade>,
    /// The details of a `pay_it_forward` notice.
    #[serde(default)]
    pub pay_it_forward: Option<ChannelChatNotificationV1PayItForward>,
    /// The details of a `raid` notice.
    #[serde(default)]
    pub raid: Option<ChannelChatNotificationV1Raid>,
    /// The details of a `unraid` notice.
    #[serde(default)]
    pub unraid: Option<ChannelChatNotificationV1Unraid>,
    /// The details of a `announcement` notice.
    #[serde(default)]
    pub announcement: Option<ChannelChatNotificationV1Announcement>,
    /// The details of a `bits_badge_tier` notice.
    #[serde(default)]
    pub bits_badge_tier: Option<ChannelChatNotificationV1BitsBadgeTier>,
    /// The details of a `charity_donation` notice.
    #[serde(default)]
    pub charity_donation: Option<ChannelChatNotificationV1CharityDonation>,
    /// The details of a shared chat `sub` notice.
    #[serde(default)]
    pub shared_chat_sub: Option<ChannelChatNotificationV1Sub>,
    /// The details of a shared chat `resub` notice.
    #[serde(default)]
    pub shared_chat_resub: Option<ChannelChatNotificationV1Resub>,
    /// The details of a shared chat `sub_gift` notice.
    #[serde(default)]
    pub shared_chat_sub_gift: Option<ChannelChatNotificationV1SubGift>,
    /// The details of a shared chat `community_sub_gift` notice.
    #[serde(default)]
    pub shared_chat_community_sub_gift: Option<ChannelChatNotificationV1CommunitySubGift>,
    /// The details of a shared chat `gift_paid_upgrade` notice.
    #[serde(default)]
    pub shared_chat_gift_paid_upgrade: Option<ChannelChatNotificationV1GiftPaidUpgrade>,
    /// The details of a shared chat `prime_paid_upgrade` notice.
    #[serde(default)]
    pub shared_chat_prime_paid_upgrade: Option<ChannelChatNotificationV1PrimePaidUpgrade>,
    /// The details of a shared chat `pay_it_forward` notice.
    #[serde(default)]
    pub shared_chat_pay_it_forward: Option<ChannelChatNotificationV1PayItForward>,
    /// The details of a shared chat `raid` notice.
    #[serde(default)]
    pub shared_chat_raid: Option<ChannelChatNotificationV1Raid>,
    /// The details of a shared chat `announcement` notice.
    #[serde(default)]
    pub shared_chat_announcement: Option<ChannelChatNotificationV1Announcement>,
    /// User ID of the source broadcaster.
    #[serde(default)]
    pub source_broadcaster_user_id: Option<String>,
    /// Login of the source broadcaster.
    #[serde(default)]
    pub source_broadcaster_user_login: Option<String>,
    /// Display name of the source broadcaster.
    #[serde(default)]
    pub source_broadcaster_user_name: Option<String>,
    /// ID of the message in the source channel (shared chat only).
    #[serde(default)]
    pub source_message_id: Option<String>,
    /// The chatter's badges in the source channel (shared chat only).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub source_badges: Vec<ChannelChatNotificationV1SourceBadge>,
    /// The details of a shared chat `unraid` notice.
    #[serde(default)]
    pub shared_chat_unraid: Option<ChannelChatNotificationV1Unraid>,
    /// The details of a shared chat `bits_badge_tier` notice.
    #[serde(default)]
    pub shared_chat_bits_badge_tier: Option<ChannelChatNotificationV1BitsBadgeTier>,
    /// The details of a shared chat `charity_donation` notice.
    #[serde(default)]
    pub shared_chat_charity_donation: Option<ChannelChatNotificationV1CharityDonation>,
}

/// One of the `badges` of a `channel.chat.notification` v1 event.
pub type ChannelChatNotificationV1Badge = super::channel_chat_message_v1::ChannelChatMessageV1Badge;

/// The `message` object of a `channel.chat.notification` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatNotificationV1Message {
    /// The text.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub text: String,
    /// The message split into text, emote, cheermote and mention fragments.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub fragments: Vec<ChannelChatNotificationV1Fragment>,
}

/// The `sub` object of a `channel.chat.notification` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatNotificationV1Sub {
    /// The subscription tier.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub sub_tier: ChannelChatNotificationV1Tier,
    /// Whether prime.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub is_prime: bool,
    /// How many months the subscription lasts.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub duration_months: u64,
}

/// The `resub` object of a `channel.chat.notification` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatNotificationV1Resub {
    /// Total months subscribed.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub cumulative_months: u64,
    /// How many months the subscription lasts.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub duration_months: u64,
    /// The consecutive months subscribed, when shared.
    #[serde(default)]
    pub streak_months: Option<u64>,
    /// The subscription plan.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub sub_plan: String,
    /// Whether gift.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub is_gift: bool,
    /// Whether the gifter is anonymous.
    #[serde(default)]
    pub gifter_is_anonymous: Option<bool>,
    /// User ID of the gifter.
    #[serde(default)]
    pub gifter_user_id: Option<String>,
    /// Display name of the gifter.
    #[serde(default)]
    pub gifter_user_name: Option<String>,
    /// Login of the gifter.
    #[serde(default)]
    pub gifter_user_login: Option<String>,
}

/// The `sub_gift` object of a `channel.chat.notification` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatNotificationV1SubGift {
    /// How many months the subscription lasts.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub duration_months: u64,
    /// The total the gifter gave in the channel.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub cumulative_total: u64,
    /// User ID of the recipient.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub recipient_user_id: String,
    /// Display name of the recipient.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub recipient_user_name: String,
    /// Login of the recipient.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub recipient_user_login: String,
    /// The subscription tier.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub sub_tier: ChannelChatNotificationV1Tier,
    /// ID of the community gift, when part of one.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub community_gift_id: String,
}

/// The `community_sub_gift` object of a `channel.chat.notification` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatNotificationV1CommunitySubGift {
    /// The ID.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub id: String,
    /// The total.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub total: u64,
    /// The subscription tier.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub sub_tier: ChannelChatNotificationV1Tier,
    /// The total the gifter gave in the channel.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub cumulative_total: u64,
}

/// The `gift_paid_upgrade` object of a `channel.chat.notification` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatNotificationV1GiftPaidUpgrade {
    /// Whether the gifter is anonymous.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub gifter_is_anonymous: bool,
    /// User ID of the gifter.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub gifter_user_id: String,
    /// Display name of the gifter.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub gifter_user_name: String,
    /// Login of the gifter.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub gifter_user_login: String,
}

/// The `prime_paid_upgrade` object of a `channel.chat.notification` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatNotificationV1PrimePaidUpgrade {
    /// The subscription tier.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub sub_tier: ChannelChatNotificationV1Tier,
}

/// The `pay_it_forward` object of a `channel.chat.notification` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatNotificationV1PayItForward {
    /// Whether the gifter is anonymous.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub gifter_is_anonymous: bool,
    /// User ID of the gifter.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub gifter_user_id: String,
    /// Display name of the gifter.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub gifter_user_name: String,
    /// Login of the gifter.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub gifter_user_login: String,
}

/// The `raid` object of a `channel.chat.notification` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatNotificationV1Raid {
    /// User ID of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_id: String,
    /// Display name of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_name: String,
    /// Login of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_login: String,
    /// The number of viewers.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub viewer_count: u64,
    /// URL of the profile image.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub profile_image_url: String,
}

/// The `unraid` object of a `channel.chat.notification` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatNotificationV1Unraid {}

/// The `announcement` object of a `channel.chat.notification` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatNotificationV1Announcement {
    /// The colour.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub color: String,
}

/// The `bits_badge_tier` object of a `channel.chat.notification` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatNotificationV1BitsBadgeTier {
    /// The subscription tier.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub tier: u64,
}

/// The `charity_donation` object of a `channel.chat.notification` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatNotificationV1CharityDonation {
    /// The charity's name.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub charity_name: String,
    /// The amount.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub amount: ChannelChatNotificationV1Amount,
}

/// One of the `source_badges` of a `channel.chat.notification` v1 event.
pub type ChannelChatNotificationV1SourceBadge =
    super::channel_chat_message_v1::ChannelChatMessageV1SourceBadge;

/// One of the `fragments` of a `channel.chat.notification` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatNotificationV1Fragment {
    /// The kind of this object (the wire field `type`).
    #[serde(
        rename = "type",
        default,
        deserialize_with = "crate::serde_util::null_as_default"
    )]
    pub kind: ChannelChatNotificationV1FragmentType,
    /// The text.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub text: String,
}

/// The `amount` object of a `channel.chat.notification` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatNotificationV1Amount {
    /// The amount in the currency's minor units (see `decimal_places`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub value: u64,
    /// How many of the value's digits are decimals.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub decimal_place: u64,
    /// The ISO 4217 currency code.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub currency: String,
}

string_enum! {
    /// The `NoticeType` values of a `channel.chat.notification` v1 event.
    ChannelChatNotificationV1NoticeType {
        /// `sub`.
        Sub => "sub",
        /// `resub`.
        Resub => "resub",
        /// `sub_gift`.
        SubGift => "sub_gift",
        /// `community_sub_gift`.
        CommunitySubGift => "community_sub_gift",
        /// `gift_paid_upgrade`.
        GiftPaidUpgrade => "gift_paid_upgrade",
        /// `prime_paid_upgrade`.
        PrimePaidUpgrade => "prime_paid_upgrade",
        /// `raid`.
        Raid => "raid",
        /// `unraid`.
        Unraid => "unraid",
        /// `pay_it_forward`.
        PayItForward => "pay_it_forward",
        /// `announcement`.
        Announcement => "announcement",
        /// `bits_badge_tier`.
        BitsBadgeTier => "bits_badge_tier",
        /// `charity_donation`.
        CharityDonation => "charity_donation",
        /// `shared_chat_sub`.
        SharedChatSub => "shared_chat_sub",
        /// `shared_chat_resub`.
        SharedChatResub => "shared_chat_resub",
        /// `shared_chat_sub_gift`.
        SharedChatSubGift => "shared_chat_sub_gift",
        /// `shared_chat_community_sub_gift`.
        SharedChatCommunitySubGift => "shared_chat_community_sub_gift",
        /// `shared_chat_gift_paid_upgrade`.
        SharedChatGiftPaidUpgrade => "shared_chat_gift_paid_upgrade",
        /// `shared_chat_prime_paid_upgrade`.
        SharedChatPrimePaidUpgrade => "shared_chat_prime_paid_upgrade",
        /// `shared_chat_raid`.
        SharedChatRaid => "shared_chat_raid",
        /// `shared_chat_pay_it_forward`.
        SharedChatPayItForward => "shared_chat_pay_it_forward",
        /// `shared_chat_announcement`.
        SharedChatAnnouncement => "shared_chat_announcement",
    }
}

string_enum! {
    /// The `Tier` values of a `channel.chat.notification` v1 event.
    ChannelChatNotificationV1Tier {
        /// `1000`.
        Tier1 => "1000",
        /// `2000`.
        Tier2 => "2000",
        /// `3000`.
        Tier3 => "3000",
    }
}

/// The `FragmentType` values of a `channel.chat.notification` v1 event.
pub type ChannelChatNotificationV1FragmentType =
    super::channel_chat_message_v1::ChannelChatMessageV1FragmentType;
