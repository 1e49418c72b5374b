//! The seed's `listen_*` methods by name, for front ends that take the
//! method as text (the CLI, the JavaScript bindings): which ids each takes,
//! and the [`Topic`] they make.

use super::Topic;
use crate::Error;

/// Twitch's PubSub server (retired by Twitch in 2025; the mock serves the protocol).
pub const PUBSUB_URL: &str = "wss://pubsub-edge.twitch.tv";

/// The seed's listen methods and the ids each takes, in order.
pub const LISTEN_METHODS: &[(&str, &[&str])] = &[
    ("listen_whispers", &["user_id"]),
    ("listen_bits_v1", &["channel_id"]),
    ("listen_bits", &["channel_id"]),
    ("listen_bits_badge_notification", &["channel_id"]),
    ("listen_channel_points", &["channel_id"]),
    ("listen_channel_subscriptions", &["channel_id"]),
    ("listen_chat_moderator_actions", &["user_id", "channel_id"]),
];

impl Topic {
    /// The topic of the seed's method `method` with its ids in the order of
    /// [`LISTEN_METHODS`].
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] for an unknown method, a missing or empty
    /// id, or too many ids.
    ///
    /// ```
    /// use twitchapi_core::pubsub::Topic;
    /// let topic = Topic::for_method("listen_chat_moderator_actions", &["1", "2"]).unwrap();
    /// assert_eq!(topic.name(), "chat_moderator_actions.1.2");
    /// assert!(Topic::for_method("listen_whispers", &[""]).is_err());
    /// ```
    pub fn for_method(method: &str, ids: &[&str]) -> Result<Topic, Error> {
        let (_, names) = LISTEN_METHODS
            .iter()
            .find(|(name, _)| *name == method)
            .ok_or_else(|| Error::invalid(format!("unknown pubsub method {method:?}")))?;
        if ids.len() > names.len() {
            return Err(Error::invalid(format!(
                "{method} takes {} id(s), got {}",
                names.len(),
                ids.len()
            )));
        }
        let id = |i: usize| match ids.get(i) {
            Some(id) if !id.is_empty() => Ok((*id).to_owned()),
            _ => Err(Error::invalid(format!(
                "{method}: {} is required",
                names[i]
            ))),
        };
        Ok(match method {
            "listen_whispers" => Topic::Whispers { user_id: id(0)? },
            "listen_bits_v1" => Topic::BitsV1 { channel_id: id(0)? },
            "listen_bits" => Topic::Bits { channel_id: id(0)? },
            "listen_bits_badge_notification" => Topic::BitsBadgeNotification { channel_id: id(0)? },
            "listen_channel_points" => Topic::ChannelPoints { channel_id: id(0)? },
            "listen_channel_subscriptions" => Topic::ChannelSubscriptions { channel_id: id(0)? },
            _ => Topic::ChatModeratorActions {
                user_id: id(0)?,
                channel_id: id(1)?,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_method_makes_its_topic_and_bad_ids_are_refused() {
        let names: Vec<String> = LISTEN_METHODS
            .iter()
            .map(|(method, ids)| {
                let given: Vec<&str> = ["7", "8"][..ids.len()].to_vec();
                Topic::for_method(method, &given).unwrap().name()
            })
            .collect();
        assert_eq!(
            names,
            [
                "whispers.7",
                "channel-bits-events-v1.7",
                "channel-bits-events-v2.7",
                "channel-bits-badge-unlocks.7",
                "channel-points-channel-v1.7",
                "channel-subscribe-events-v1.7",
                "chat_moderator_actions.7.8",
            ]
        );
        for (method, ids) in [
            ("listen_nothing", &["1"][..]),
            ("listen_whispers", &[][..]),
            ("listen_whispers", &[""][..]),
            ("listen_whispers", &["1", "2"][..]),
            ("listen_chat_moderator_actions", &["1"][..]),
        ] {
            assert!(
                matches!(
                    Topic::for_method(method, ids),
                    Err(Error::InvalidArgument(_))
                ),
                "{method} {ids:?}"
            );
        }
    }
}
