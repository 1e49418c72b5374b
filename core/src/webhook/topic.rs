//! The eight topics of Twitch's (retired) webhooks: the `hub.topic` URL of each,
//! the callback path it is delivered to, and the token it needs.

use url::form_urlencoded;

use crate::helix::{Auth, Scopes};
use crate::{AuthScope, Error};

/// Where every `hub.topic` URL starts: the hub names topics by Twitch's real
/// Helix URLs, whichever server the hub requests go to.
pub const TOPIC_BASE: &str = "https://api.twitch.tv/helix";

/// A webhook topic, one per `subscribe_*` method of the seed.
///
/// ```
/// use twitchapi_core::webhook::WebhookTopic;
///
/// let topic = WebhookTopic::UserFollow { from_id: None, to_id: Some("1337".into()) };
/// assert_eq!(topic.hub_topic().unwrap(), "https://api.twitch.tv/helix/users/follows?first=1&to_id=1337");
/// assert_eq!(topic.callback_path(), "users/follows");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WebhookTopic {
    /// `subscribe_user_follow`: follows from `from_id`, of `to_id`, or both (one at least).
    UserFollow {
        /// The following user.
        from_id: Option<String>,
        /// The followed user.
        to_id: Option<String>,
    },
    /// `subscribe_stream_changed`: the stream of `user_id` goes live, changes or ends.
    StreamChanged {
        /// The broadcaster.
        user_id: String,
    },
    /// `subscribe_user_changed`: the user's profile changed.
    UserChanged {
        /// The user.
        user_id: String,
    },
    /// `subscribe_extension_transaction_created` (needs an app token).
    ExtensionTransactionCreated {
        /// The extension.
        extension_id: String,
    },
    /// `subscribe_moderator_change_events` (user token with `moderation:read`).
    ModeratorChange {
        /// The channel.
        broadcaster_id: String,
        /// Only this moderator.
        user_id: Option<String>,
    },
    /// `subscribe_channel_ban_change_events` (user token with `moderation:read`).
    ChannelBanChange {
        /// The channel.
        broadcaster_id: String,
        /// Only this user.
        user_id: Option<String>,
    },
    /// `subscribe_subscription_events` (user token with `channel:read:subscriptions`).
    Subscription {
        /// The channel.
        broadcaster_id: String,
        /// Only subscriptions of this user.
        user_id: Option<String>,
        /// Only gifts from this user id.
        gifter_id: Option<String>,
        /// Only gifts from this login.
        gifter_name: Option<String>,
    },
    /// `subscribe_hype_train_events` (user token with `channel:read:hype_train`).
    HypeTrain {
        /// The channel.
        broadcaster_id: String,
    },
}

impl WebhookTopic {
    /// The seed's method name for this topic (`subscribe_stream_changed`, ...).
    pub fn method_name(&self) -> &'static str {
        match self {
            WebhookTopic::UserFollow { .. } => "subscribe_user_follow",
            WebhookTopic::StreamChanged { .. } => "subscribe_stream_changed",
            WebhookTopic::UserChanged { .. } => "subscribe_user_changed",
            WebhookTopic::ExtensionTransactionCreated { .. } => {
                "subscribe_extension_transaction_created"
            }
            WebhookTopic::ModeratorChange { .. } => "subscribe_moderator_change_events",
            WebhookTopic::ChannelBanChange { .. } => "subscribe_channel_ban_change_events",
            WebhookTopic::Subscription { .. } => "subscribe_subscription_events",
            WebhookTopic::HypeTrain { .. } => "subscribe_hype_train_events",
        }
    }

    /// The path appended to the callback URL for this topic (no leading `/`).
    pub fn callback_path(&self) -> &'static str {
        match self {
            WebhookTopic::UserFollow { .. } => "users/follows",
            WebhookTopic::StreamChanged { .. } => "streams",
            WebhookTopic::UserChanged { .. } => "users/changed",
            WebhookTopic::ExtensionTransactionCreated { .. } => "extensions/transactions",
            WebhookTopic::ModeratorChange { .. } => "moderation/moderators/events",
            WebhookTopic::ChannelBanChange { .. } => "moderation/banned/events",
            WebhookTopic::Subscription { .. } => "subscriptions/events",
            WebhookTopic::HypeTrain { .. } => "hypetrain/events",
        }
    }

    /// The token a hub request for this topic is signed with, and its scopes.
    pub fn auth(&self) -> Auth {
        match self {
            WebhookTopic::UserFollow { .. }
            | WebhookTopic::StreamChanged { .. }
            | WebhookTopic::UserChanged { .. } => Auth::Either(Scopes::NONE),
            WebhookTopic::ExtensionTransactionCreated { .. } => Auth::App,
            WebhookTopic::ModeratorChange { .. } | WebhookTopic::ChannelBanChange { .. } => {
                Auth::User(Scopes::All(&[AuthScope::ModerationRead]))
            }
            WebhookTopic::Subscription { .. } => {
                Auth::User(Scopes::All(&[AuthScope::ChannelReadSubscriptions]))
            }
            WebhookTopic::HypeTrain { .. } => {
                Auth::User(Scopes::All(&[AuthScope::ChannelReadHypeTrain]))
            }
        }
    }

    /// Checks the ids: none may be empty, and a follow topic needs one of its two.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] naming the parameter.
    pub fn validate(&self) -> Result<(), Error> {
        let required = |name: &str, value: &str| {
            if value.is_empty() {
                Err(Error::invalid(format!("{name} must not be empty")))
            } else {
                Ok(())
            }
        };
        let optional = |name: &str, value: &Option<String>| match value {
            Some(v) => required(name, v),
            None => Ok(()),
        };
        match self {
            WebhookTopic::UserFollow { from_id, to_id } => {
                if from_id.is_none() && to_id.is_none() {
                    return Err(Error::invalid("from_id and to_id cannot both be None"));
                }
                optional("from_id", from_id)?;
                optional("to_id", to_id)
            }
            WebhookTopic::StreamChanged { user_id } | WebhookTopic::UserChanged { user_id } => {
                required("user_id", user_id)
            }
            WebhookTopic::ExtensionTransactionCreated { extension_id } => {
                required("extension_id", extension_id)
            }
            WebhookTopic::ModeratorChange {
                broadcaster_id,
                user_id,
            }
            | WebhookTopic::ChannelBanChange {
                broadcaster_id,
                user_id,
            } => {
                required("broadcaster_id", broadcaster_id)?;
                optional("user_id", user_id)
            }
            WebhookTopic::Subscription {
                broadcaster_id,
                user_id,
                gifter_id,
                gifter_name,
            } => {
                required("broadcaster_id", broadcaster_id)?;
                optional("user_id", user_id)?;
                optional("gifter_id", gifter_id)?;
                optional("gifter_name", gifter_name)
            }
            WebhookTopic::HypeTrain { broadcaster_id } => {
                required("broadcaster_id", broadcaster_id)
            }
        }
    }

    /// The `hub.topic` URL, its query in Twitch's documented order.
    ///
    /// # Errors
    ///
    /// What [`WebhookTopic::validate`] finds.
    pub fn hub_topic(&self) -> Result<String, Error> {
        self.validate()?;
        let mut query = form_urlencoded::Serializer::new(String::new());
        let path = match self {
            WebhookTopic::UserFollow { from_id, to_id } => {
                query.append_pair("first", "1");
                if let Some(id) = from_id {
                    query.append_pair("from_id", id);
                }
                if let Some(id) = to_id {
                    query.append_pair("to_id", id);
                }
                "users/follows"
            }
            WebhookTopic::StreamChanged { user_id } => {
                query.append_pair("user_id", user_id);
                "streams"
            }
            WebhookTopic::UserChanged { user_id } => {
                query.append_pair("id", user_id);
                "users"
            }
            WebhookTopic::ExtensionTransactionCreated { extension_id } => {
                query.append_pair("extension_id", extension_id);
                query.append_pair("first", "1");
                "extensions/transactions"
            }
            WebhookTopic::ModeratorChange {
                broadcaster_id,
                user_id,
            }
            | WebhookTopic::ChannelBanChange {
                broadcaster_id,
                user_id,
            } => {
                query.append_pair("broadcaster_id", broadcaster_id);
                query.append_pair("first", "1");
                if let Some(id) = user_id {
                    query.append_pair("user_id", id);
                }
                if matches!(self, WebhookTopic::ModeratorChange { .. }) {
                    "moderation/moderators/events"
                } else {
                    "moderation/banned/events"
                }
            }
            WebhookTopic::Subscription {
                broadcaster_id,
                user_id,
                gifter_id,
                gifter_name,
            } => {
                query.append_pair("broadcaster_id", broadcaster_id);
                query.append_pair("first", "1");
                if let Some(id) = gifter_id {
                    query.append_pair("gifter_id", id);
                }
                if let Some(name) = gifter_name {
                    query.append_pair("gifter_name", name);
                }
                if let Some(id) = user_id {
                    query.append_pair("user_id", id);
                }
                "subscriptions/events"
            }
            WebhookTopic::HypeTrain { broadcaster_id } => {
                query.append_pair("broadcaster_id", broadcaster_id);
                query.append_pair("first", "1");
                "hypetrain/events"
            }
        };
        Ok(format!("{TOPIC_BASE}/{path}?{}", query.finish()))
    }

    /// Whether an empty `data` array on this topic means something: for
    /// streams it is the stream going offline (the seed passed
    /// `{"type": "offline"}` to the callback).
    pub(crate) fn offline_when_empty(&self) -> bool {
        matches!(self, WebhookTopic::StreamChanged { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> String {
        v.to_owned()
    }

    #[test]
    fn every_topic_url_is_twitchs_in_the_documented_order() {
        let cases = [
            (
                WebhookTopic::UserFollow {
                    from_id: Some(s("1")),
                    to_id: Some(s("2")),
                },
                "users/follows?first=1&from_id=1&to_id=2",
            ),
            (
                WebhookTopic::UserFollow {
                    from_id: Some(s("1")),
                    to_id: None,
                },
                "users/follows?first=1&from_id=1",
            ),
            (
                WebhookTopic::StreamChanged { user_id: s("5") },
                "streams?user_id=5",
            ),
            (WebhookTopic::UserChanged { user_id: s("5") }, "users?id=5"),
            (
                WebhookTopic::ExtensionTransactionCreated {
                    extension_id: s("ext"),
                },
                "extensions/transactions?extension_id=ext&first=1",
            ),
            (
                WebhookTopic::ModeratorChange {
                    broadcaster_id: s("7"),
                    user_id: Some(s("8")),
                },
                "moderation/moderators/events?broadcaster_id=7&first=1&user_id=8",
            ),
            (
                WebhookTopic::ChannelBanChange {
                    broadcaster_id: s("7"),
                    user_id: None,
                },
                "moderation/banned/events?broadcaster_id=7&first=1",
            ),
            (
                WebhookTopic::Subscription {
                    broadcaster_id: s("7"),
                    user_id: Some(s("9")),
                    gifter_id: Some(s("3")),
                    gifter_name: Some(s("a b")),
                },
                "subscriptions/events?broadcaster_id=7&first=1&gifter_id=3&gifter_name=a+b&user_id=9",
            ),
            (
                WebhookTopic::HypeTrain {
                    broadcaster_id: s("7"),
                },
                "hypetrain/events?broadcaster_id=7&first=1",
            ),
        ];
        for (topic, tail) in cases {
            assert_eq!(
                topic.hub_topic().unwrap(),
                format!("https://api.twitch.tv/helix/{tail}")
            );
        }
    }

    #[test]
    fn bad_ids_are_refused_before_anything_is_built() {
        let none = WebhookTopic::UserFollow {
            from_id: None,
            to_id: None,
        };
        assert!(matches!(none.hub_topic(), Err(Error::InvalidArgument(_))));
        let empty = WebhookTopic::StreamChanged { user_id: s("") };
        assert!(
            matches!(empty.validate(), Err(Error::InvalidArgument(m)) if m.contains("user_id"))
        );
        let empty_gifter = WebhookTopic::Subscription {
            broadcaster_id: s("1"),
            user_id: None,
            gifter_id: None,
            gifter_name: Some(s("")),
        };
        assert!(
            matches!(empty_gifter.validate(), Err(Error::InvalidArgument(m)) if m.contains("gifter_name"))
        );
    }

    #[test]
    fn tokens_follow_the_topic() {
        assert_eq!(
            WebhookTopic::ExtensionTransactionCreated {
                extension_id: s("e")
            }
            .auth(),
            Auth::App
        );
        assert_eq!(
            WebhookTopic::HypeTrain {
                broadcaster_id: s("1")
            }
            .auth(),
            Auth::User(Scopes::All(&[AuthScope::ChannelReadHypeTrain]))
        );
    }
}
