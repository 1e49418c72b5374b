//! The seven PubSub topics of the seed, and the scope each needs.

use crate::AuthScope;

/// A PubSub topic. The seven the seed offers are typed; [`Topic::Other`]
/// carries any other topic string (its messages arrive as raw JSON).
///
/// ```
/// use twitchapi_core::pubsub::Topic;
/// use twitchapi_core::AuthScope;
///
/// let topic = Topic::ChannelPoints { channel_id: "141981764".into() };
/// assert_eq!(topic.name(), "channel-points-channel-v1.141981764");
/// assert_eq!(topic.scope(), Some(AuthScope::ChannelReadRedemptions));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Topic {
    /// `whispers.<user_id>` (whispers:read), the seed's `listen_whispers`.
    Whispers {
        /// The user whose whispers arrive.
        user_id: String,
    },
    /// `channel-bits-events-v1.<channel_id>` (bits:read), `listen_bits_v1`.
    BitsV1 {
        /// The channel.
        channel_id: String,
    },
    /// `channel-bits-events-v2.<channel_id>` (bits:read), `listen_bits`.
    Bits {
        /// The channel.
        channel_id: String,
    },
    /// `channel-bits-badge-unlocks.<channel_id>` (bits:read), `listen_bits_badge_notification`.
    BitsBadgeNotification {
        /// The channel.
        channel_id: String,
    },
    /// `channel-points-channel-v1.<channel_id>` (channel:read:redemptions), `listen_channel_points`.
    ChannelPoints {
        /// The channel.
        channel_id: String,
    },
    /// `channel-subscribe-events-v1.<channel_id>` (channel_subscriptions),
    /// `listen_channel_subscriptions`.
    ChannelSubscriptions {
        /// The channel.
        channel_id: String,
    },
    /// `chat_moderator_actions.<user_id>.<channel_id>` (channel:moderate),
    /// `listen_chat_moderator_actions`.
    ChatModeratorActions {
        /// The moderator.
        user_id: String,
        /// The channel.
        channel_id: String,
    },
    /// Any other topic, as Twitch spells it; no scope is checked.
    Other(String),
}

impl Topic {
    /// The topic string sent in LISTEN.
    pub fn name(&self) -> String {
        match self {
            Topic::Whispers { user_id } => format!("whispers.{user_id}"),
            Topic::BitsV1 { channel_id } => format!("channel-bits-events-v1.{channel_id}"),
            Topic::Bits { channel_id } => format!("channel-bits-events-v2.{channel_id}"),
            Topic::BitsBadgeNotification { channel_id } => {
                format!("channel-bits-badge-unlocks.{channel_id}")
            }
            Topic::ChannelPoints { channel_id } => {
                format!("channel-points-channel-v1.{channel_id}")
            }
            Topic::ChannelSubscriptions { channel_id } => {
                format!("channel-subscribe-events-v1.{channel_id}")
            }
            Topic::ChatModeratorActions {
                user_id,
                channel_id,
            } => format!("chat_moderator_actions.{user_id}.{channel_id}"),
            Topic::Other(name) => name.clone(),
        }
    }

    /// The scope the user token needs for this topic.
    pub fn scope(&self) -> Option<AuthScope> {
        match self {
            Topic::Whispers { .. } => Some(AuthScope::WhispersRead),
            Topic::BitsV1 { .. } | Topic::Bits { .. } | Topic::BitsBadgeNotification { .. } => {
                Some(AuthScope::BitsRead)
            }
            Topic::ChannelPoints { .. } => Some(AuthScope::ChannelReadRedemptions),
            Topic::ChannelSubscriptions { .. } => Some(AuthScope::ChannelSubscriptions),
            Topic::ChatModeratorActions { .. } => Some(AuthScope::ChannelModerate),
            Topic::Other(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_scopes_follow_the_seed() {
        let cases = [
            (
                Topic::Whispers {
                    user_id: "1".into(),
                },
                "whispers.1",
                Some(AuthScope::WhispersRead),
            ),
            (
                Topic::BitsV1 {
                    channel_id: "2".into(),
                },
                "channel-bits-events-v1.2",
                Some(AuthScope::BitsRead),
            ),
            (
                Topic::Bits {
                    channel_id: "2".into(),
                },
                "channel-bits-events-v2.2",
                Some(AuthScope::BitsRead),
            ),
            (
                Topic::BitsBadgeNotification {
                    channel_id: "2".into(),
                },
                "channel-bits-badge-unlocks.2",
                Some(AuthScope::BitsRead),
            ),
            (
                Topic::ChannelSubscriptions {
                    channel_id: "3".into(),
                },
                "channel-subscribe-events-v1.3",
                Some(AuthScope::ChannelSubscriptions),
            ),
            (
                Topic::ChatModeratorActions {
                    user_id: "4".into(),
                    channel_id: "5".into(),
                },
                "chat_moderator_actions.4.5",
                Some(AuthScope::ChannelModerate),
            ),
            (
                Topic::Other("video-playback.x".into()),
                "video-playback.x",
                None,
            ),
        ];
        for (topic, name, scope) in cases {
            assert_eq!(topic.name(), name);
            assert_eq!(topic.scope(), scope);
        }
    }
}
