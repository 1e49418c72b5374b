//! Typed models of every EventSub subscription type: one module per type and
//! version, each with its condition (`…Condition`, what a subscription is
//! about) and its event (`…Event`, the `event` of a notification).
//!
//! [`parse_event`] and [`parse_condition`] pick the model by type and version;
//! a type or version this crate does not know stays raw JSON. The models ignore
//! fields they do not know, default fields Twitch leaves out, map enum values
//! they do not know to an `Unknown` variant and serialize back to the wire
//! shape. Timestamps are [`time::OffsetDateTime`], written back as RFC 3339 in
//! UTC.
//!
//! ```
//! use twitchapi_core::eventsub::types::{parse_event, EventSubEvent};
//! let event = serde_json::json!({
//!     "id": "9001", "broadcaster_user_id": "1337", "broadcaster_user_login": "cool_user",
//!     "broadcaster_user_name": "Cool_User", "type": "live", "started_at": "2020-10-11T10:11:12.123Z"
//! });
//! match parse_event("stream.online", "1", event).unwrap() {
//!     EventSubEvent::StreamOnlineV1(online) => assert_eq!(online.broadcaster_user_login, "cool_user"),
//!     other => panic!("{other:?}"),
//! }
//! ```

use serde::{Serialize, Serializer};

use crate::helix::Scopes;
use crate::{AuthScope, Error};

/// A string enum with one `Unknown(String)` variant for values Twitch added
/// later. Serialized as the wire string; the default is `Unknown("")` (the
/// field was left out).
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => $wire:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value this crate does not know (kept as sent).
            Unknown(String),
        }

        impl $name {
            /// The value as Twitch spells it.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )*
                    Self::Unknown(other) => other,
                }
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::Unknown(String::new())
            }
        }

        impl From<&str> for $name {
            fn from(raw: &str) -> Self {
                match raw {
                    $( $wire => Self::$variant, )*
                    other => Self::Unknown(other.to_owned()),
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let raw = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                Ok(Self::from(&*raw))
            }
        }
    };
}

mod automod_message_hold_v1;
mod automod_message_hold_v2;
mod automod_message_update_v1;
mod automod_message_update_v2;
mod automod_settings_update_v1;
mod automod_terms_update_v1;
mod channel_ad_break_begin_v1;
mod channel_ban_v1;
mod channel_bits_use_v1;
mod channel_channel_points_automatic_reward_redemption_add_v1;
mod channel_channel_points_automatic_reward_redemption_add_v2;
mod channel_channel_points_custom_reward_add_v1;
mod channel_channel_points_custom_reward_redemption_add_v1;
mod channel_channel_points_custom_reward_redemption_update_v1;
mod channel_channel_points_custom_reward_remove_v1;
mod channel_channel_points_custom_reward_update_v1;
mod channel_charity_campaign_donate_v1;
mod channel_charity_campaign_progress_v1;
mod channel_charity_campaign_start_v1;
mod channel_charity_campaign_stop_v1;
mod channel_chat_clear_user_messages_v1;
mod channel_chat_clear_v1;
mod channel_chat_message_delete_v1;
mod channel_chat_message_v1;
mod channel_chat_notification_v1;
mod channel_chat_settings_update_v1;
mod channel_chat_user_message_hold_v1;
mod channel_chat_user_message_update_v1;
mod channel_cheer_v1;
mod channel_follow_v2;
mod channel_goal_begin_v1;
mod channel_goal_end_v1;
mod channel_goal_progress_v1;
mod channel_guest_star_guest_update_beta;
mod channel_guest_star_session_begin_beta;
mod channel_guest_star_session_end_beta;
mod channel_guest_star_settings_update_beta;
mod channel_hype_train_begin_v2;
mod channel_hype_train_end_v2;
mod channel_hype_train_progress_v2;
mod channel_moderate_v1;
mod channel_moderate_v2;
mod channel_moderator_add_v1;
mod channel_moderator_remove_v1;
mod channel_poll_begin_v1;
mod channel_poll_end_v1;
mod channel_poll_progress_v1;
mod channel_prediction_begin_v1;
mod channel_prediction_end_v1;
mod channel_prediction_lock_v1;
mod channel_prediction_progress_v1;
mod channel_raid_v1;
mod channel_shared_chat_begin_v1;
mod channel_shared_chat_end_v1;
mod channel_shared_chat_update_v1;
mod channel_shield_mode_begin_v1;
mod channel_shield_mode_end_v1;
mod channel_shoutout_create_v1;
mod channel_shoutout_receive_v1;
mod channel_subscribe_v1;
mod channel_subscription_end_v1;
mod channel_subscription_gift_v1;
mod channel_subscription_message_v1;
mod channel_suspicious_user_message_v1;
mod channel_suspicious_user_update_v1;
mod channel_unban_request_create_v1;
mod channel_unban_request_resolve_v1;
mod channel_unban_v1;
mod channel_update_v2;
mod channel_vip_add_v1;
mod channel_vip_remove_v1;
mod channel_warning_acknowledge_v1;
mod channel_warning_send_v1;
mod conduit_shard_disabled_v1;
mod custom_reward;
mod drop_entitlement_grant_v1;
mod extension_bits_transaction_create_v1;
mod rows;
mod stream_offline_v1;
mod stream_online_v1;
mod table;
mod user_authorization_grant_v1;
mod user_authorization_revoke_v1;
mod user_update_v1;
mod user_whisper_message_v1;

pub use automod_message_hold_v1::*;
pub use automod_message_hold_v2::*;
pub use automod_message_update_v1::*;
pub use automod_message_update_v2::*;
pub use automod_settings_update_v1::*;
pub use automod_terms_update_v1::*;
pub use channel_ad_break_begin_v1::*;
pub use channel_ban_v1::*;
pub use channel_bits_use_v1::*;
pub use channel_channel_points_automatic_reward_redemption_add_v1::*;
pub use channel_channel_points_automatic_reward_redemption_add_v2::*;
pub use channel_channel_points_custom_reward_add_v1::*;
pub use channel_channel_points_custom_reward_redemption_add_v1::*;
pub use channel_channel_points_custom_reward_redemption_update_v1::*;
pub use channel_channel_points_custom_reward_remove_v1::*;
pub use channel_channel_points_custom_reward_update_v1::*;
pub use channel_charity_campaign_donate_v1::*;
pub use channel_charity_campaign_progress_v1::*;
pub use channel_charity_campaign_start_v1::*;
pub use channel_charity_campaign_stop_v1::*;
pub use channel_chat_clear_user_messages_v1::*;
pub use channel_chat_clear_v1::*;
pub use channel_chat_message_delete_v1::*;
pub use channel_chat_message_v1::*;
pub use channel_chat_notification_v1::*;
pub use channel_chat_settings_update_v1::*;
pub use channel_chat_user_message_hold_v1::*;
pub use channel_chat_user_message_update_v1::*;
pub use channel_cheer_v1::*;
pub use channel_follow_v2::*;
pub use channel_goal_begin_v1::*;
pub use channel_goal_end_v1::*;
pub use channel_goal_progress_v1::*;
pub use channel_guest_star_guest_update_beta::*;
pub use channel_guest_star_session_begin_beta::*;
pub use channel_guest_star_session_end_beta::*;
pub use channel_guest_star_settings_update_beta::*;
pub use channel_hype_train_begin_v2::*;
pub use channel_hype_train_end_v2::*;
pub use channel_hype_train_progress_v2::*;
pub use channel_moderate_v1::*;
pub use channel_moderate_v2::*;
pub use channel_moderator_add_v1::*;
pub use channel_moderator_remove_v1::*;
pub use channel_poll_begin_v1::*;
pub use channel_poll_end_v1::*;
pub use channel_poll_progress_v1::*;
pub use channel_prediction_begin_v1::*;
pub use channel_prediction_end_v1::*;
pub use channel_prediction_lock_v1::*;
pub use channel_prediction_progress_v1::*;
pub use channel_raid_v1::*;
pub use channel_shared_chat_begin_v1::*;
pub use channel_shared_chat_end_v1::*;
pub use channel_shared_chat_update_v1::*;
pub use channel_shield_mode_begin_v1::*;
pub use channel_shield_mode_end_v1::*;
pub use channel_shoutout_create_v1::*;
pub use channel_shoutout_receive_v1::*;
pub use channel_subscribe_v1::*;
pub use channel_subscription_end_v1::*;
pub use channel_subscription_gift_v1::*;
pub use channel_subscription_message_v1::*;
pub use channel_suspicious_user_message_v1::*;
pub use channel_suspicious_user_update_v1::*;
pub use channel_unban_request_create_v1::*;
pub use channel_unban_request_resolve_v1::*;
pub use channel_unban_v1::*;
pub use channel_update_v2::*;
pub use channel_vip_add_v1::*;
pub use channel_vip_remove_v1::*;
pub use channel_warning_acknowledge_v1::*;
pub use channel_warning_send_v1::*;
pub use conduit_shard_disabled_v1::*;
pub use custom_reward::{CustomReward, RewardCooldown, RewardImage, RewardLimit};
pub use drop_entitlement_grant_v1::*;
pub use extension_bits_transaction_create_v1::*;
pub use stream_offline_v1::*;
pub use stream_online_v1::*;
pub use user_authorization_grant_v1::*;
pub use user_authorization_revoke_v1::*;
pub use user_update_v1::*;
pub use user_whisper_message_v1::*;

/// A typed condition: it knows its subscription type and version, and the
/// model of the events it brings. Adapters take one to subscribe
/// (`listen(condition, callback)`).
///
/// ```
/// use twitchapi_core::eventsub::types::{StreamOnlineV1Condition, TypedCondition};
/// assert_eq!(<StreamOnlineV1Condition as TypedCondition>::KIND, "stream.online");
/// assert_eq!(<StreamOnlineV1Condition as TypedCondition>::VERSION, "1");
/// ```
pub trait TypedCondition:
    Serialize + serde::de::DeserializeOwned + Clone + Send + Sync + 'static
{
    /// The model of this type's events.
    type Event: serde::de::DeserializeOwned + Send + 'static;
    /// The subscription type, e.g. `stream.online`.
    const KIND: &'static str;
    /// Its version, e.g. `1`.
    const VERSION: &'static str;
}

/// Builds the enums and functions of the registry from its rows
/// (`Variant, Event, Condition, "type", "version", required scopes, listen_method;`).
macro_rules! registry {
    ([] $( $variant:ident, $event:ident, $condition:ident, $kind:literal, $version:literal, $scopes:expr, $listen:ident; )*) => {
        $(
            impl TypedCondition for $condition {
                type Event = $event;
                const KIND: &'static str = $kind;
                const VERSION: &'static str = $version;
            }
        )*

        /// A typed EventSub event, picked by its subscription's type and version.
        ///
        /// Serializes to the event's JSON as on the wire (without the type and
        /// version). The typed models are boxed so that an event is small.
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum EventSubEvent {
            $(
                #[doc = concat!("`", $kind, "` version `", $version, "`.")]
                $variant(Box<$event>),
            )*
            /// A type or version this crate has no model for: the event as JSON.
            Raw {
                /// The subscription type.
                kind: String,
                /// The subscription version.
                version: String,
                /// The event as sent.
                event: serde_json::Value,
            },
        }

        /// A typed EventSub condition, picked by the subscription's type and version.
        ///
        /// Serializes to the condition's JSON as on the wire.
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum EventSubCondition {
            $(
                #[doc = concat!("`", $kind, "` version `", $version, "`.")]
                $variant($condition),
            )*
            /// A type or version this crate has no model for: the condition as JSON.
            Raw {
                /// The subscription type.
                kind: String,
                /// The subscription version.
                version: String,
                /// The condition as sent.
                condition: serde_json::Value,
            },
        }

        /// Every subscription type and version with a typed model, as
        /// `(type, version)`.
        pub const TYPES: &[(&str, &str)] = &[ $( ($kind, $version), )* ];

        /// Parses the `event` of a notification of subscription type `kind`,
        /// version `version` (for `drop.entitlement.grant`, which batches its
        /// events, one element of `events`).
        ///
        /// # Errors
        ///
        /// [`Error::Protocol`] naming the type and version when the event does not
        /// fit the type's model (a field of the wrong JSON type). A type or
        /// version this crate does not know is no error: it gives
        /// [`EventSubEvent::Raw`].
        pub fn parse_event(
            kind: &str,
            version: &str,
            event: serde_json::Value,
        ) -> Result<EventSubEvent, Error> {
            match (kind, version) {
                $(
                    ($kind, $version) => serde_json::from_value(event)
                        .map(|e| EventSubEvent::$variant(Box::new(e)))
                        .map_err(|e| protocol("event", kind, version, e)),
                )*
                _ => Ok(EventSubEvent::Raw {
                    kind: kind.to_owned(),
                    version: version.to_owned(),
                    event,
                }),
            }
        }

        /// Like [`parse_event`], reading the event straight from its JSON text
        /// (no JSON tree is built for a known type).
        ///
        /// # Errors
        ///
        /// As [`parse_event`]; also [`Error::Protocol`] when `json` is not JSON.
        pub fn parse_event_json(
            kind: &str,
            version: &str,
            json: &str,
        ) -> Result<EventSubEvent, Error> {
            let mut de = serde_json::Deserializer::from_str(json);
            deserialize_event(kind, version, &mut de)
                .and_then(|event| de.end().map(|()| event))
                .map_err(|e| protocol("event", kind, version, e))
        }

        /// The registry's rows, in the order of [`TYPES`].
        #[derive(Clone, Copy)]
        enum Row {
            $( $variant, )*
        }

        /// The index in [`TYPES`] of `(kind, version)`, by one hash lookup.
        fn row(kind: &str, version: &str) -> Option<usize> {
            static ROWS: std::sync::OnceLock<rows::Rows> = std::sync::OnceLock::new();
            ROWS.get_or_init(|| rows::Rows::new(TYPES)).get(kind, version)
        }

        /// Whether subscription type `kind`, version `version` has a typed model.
        pub(crate) fn has_model(kind: &str, version: &str) -> bool {
            row(kind, version).is_some()
        }

        /// Reads an event of subscription type `kind`, version `version`
        /// from `d`: with the type's model, or as JSON ([`EventSubEvent::Raw`])
        /// for a type without one.
        pub(crate) fn deserialize_event<'de, D: serde::Deserializer<'de>>(
            kind: &str,
            version: &str,
            d: D,
        ) -> Result<EventSubEvent, D::Error> {
            const ROW: &[Row] = &[ $( Row::$variant, )* ];
            match row(kind, version).map(|i| ROW[i]) {
                $(
                    Some(Row::$variant) => <$event as serde::Deserialize>::deserialize(d)
                        .map(|e| EventSubEvent::$variant(Box::new(e))),
                )*
                None => <serde_json::Value as serde::Deserialize>::deserialize(d).map(|event| {
                    EventSubEvent::Raw {
                        kind: kind.to_owned(),
                        version: version.to_owned(),
                        event,
                    }
                }),
            }
        }

        /// Parses the `condition` of a subscription of type `kind`, version
        /// `version` (as in [`super::Subscription::condition`]).
        ///
        /// # Errors
        ///
        /// [`Error::Protocol`] naming the type and version when the condition
        /// does not fit. An unknown type or version gives
        /// [`EventSubCondition::Raw`].
        pub fn parse_condition(
            kind: &str,
            version: &str,
            condition: serde_json::Value,
        ) -> Result<EventSubCondition, Error> {
            match (kind, version) {
                $(
                    ($kind, $version) => serde_json::from_value(condition)
                        .map(EventSubCondition::$variant)
                        .map_err(|e| protocol("condition", kind, version, e)),
                )*
                _ => Ok(EventSubCondition::Raw {
                    kind: kind.to_owned(),
                    version: version.to_owned(),
                    condition,
                }),
            }
        }

        /// The scopes a subscription of type `kind`, version `version` needs:
        /// `None` when it needs none (no authorization, or an app access token
        /// of the right client) and for unknown types.
        ///
        /// The chat types need `user:read:chat` of the chatting user; with an
        /// app access token Twitch also wants `user:bot` (and `channel:bot` of
        /// the broadcaster or moderator status), which this rule leaves out.
        /// `channel.moderate` takes the read or the manage scope of each area;
        /// the rule lists the read ones. `user.update` needs no scope
        /// (`user:read:email` only adds the email).
        pub fn required_scopes(kind: &str, version: &str) -> Option<Scopes> {
            match (kind, version) {
                $( ($kind, $version) => $scopes, )*
                _ => None,
            }
        }

        impl EventSubEvent {
            /// The subscription type, e.g. `stream.online`.
            pub fn kind(&self) -> &str {
                match self {
                    $( Self::$variant(_) => $kind, )*
                    Self::Raw { kind, .. } => kind,
                }
            }

            /// The subscription version, e.g. `1`.
            pub fn version(&self) -> &str {
                match self {
                    $( Self::$variant(_) => $version, )*
                    Self::Raw { version, .. } => version,
                }
            }
        }

        impl Serialize for EventSubEvent {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self {
                    $( Self::$variant(e) => e.serialize(s), )*
                    Self::Raw { event, .. } => event.serialize(s),
                }
            }
        }

        impl EventSubCondition {
            /// The subscription type, e.g. `stream.online`.
            pub fn kind(&self) -> &str {
                match self {
                    $( Self::$variant(_) => $kind, )*
                    Self::Raw { kind, .. } => kind,
                }
            }

            /// The subscription version, e.g. `1`.
            pub fn version(&self) -> &str {
                match self {
                    $( Self::$variant(_) => $version, )*
                    Self::Raw { version, .. } => version,
                }
            }
        }

        impl Serialize for EventSubCondition {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self {
                    $( Self::$variant(c) => c.serialize(s), )*
                    Self::Raw { condition, .. } => condition.serialize(s),
                }
            }
        }
    };
}

fn protocol(what: &str, kind: &str, version: &str, e: serde_json::Error) -> Error {
    Error::Protocol(format!("eventsub {kind} v{version} {what}: {e}"))
}

crate::eventsub_types!(registry);
