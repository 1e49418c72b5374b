//! `chat_moderator_actions.<user_id>.<channel_id>`: moderation in the channel.
//!
//! The message is `{"type": ..., "data": {...}}`; the shape of `data` depends on
//! `type`. Types this crate does not know are kept as [`ModeratorAction::Unknown`].

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{ChannelTermsAction, ModerationCommand, ModeratorChange, UnbanRequestAction};

/// A moderator action message.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ModeratorAction {
    /// `moderation_action`: a moderation command (ban, timeout, delete, slow, ...).
    ModerationAction(ModerationCommand),
    /// `moderator_added`: a user was made a moderator.
    ModeratorAdded(ModeratorChange),
    /// `moderator_removed`: a user is no longer a moderator.
    ModeratorRemoved(ModeratorChange),
    /// `vip_added`: a user was made a VIP.
    VipAdded(ModeratorChange),
    /// `channel_terms_action`: a blocked or permitted term changed.
    ChannelTermsAction(ChannelTermsAction),
    /// `approve_unban_request`: an unban request was approved.
    ApproveUnbanRequest(UnbanRequestAction),
    /// `deny_unban_request`: an unban request was denied.
    DenyUnbanRequest(UnbanRequestAction),
    /// A `type` this crate does not know, with its `data` as sent.
    Unknown {
        /// The message's `type`.
        kind: String,
        /// The message's `data`.
        data: serde_json::Value,
    },
}

impl ModeratorAction {
    /// The message's `type` as Twitch spells it.
    pub fn kind(&self) -> &str {
        match self {
            Self::ModerationAction(_) => "moderation_action",
            Self::ModeratorAdded(_) => "moderator_added",
            Self::ModeratorRemoved(_) => "moderator_removed",
            Self::VipAdded(_) => "vip_added",
            Self::ChannelTermsAction(_) => "channel_terms_action",
            Self::ApproveUnbanRequest(_) => "approve_unban_request",
            Self::DenyUnbanRequest(_) => "deny_unban_request",
            Self::Unknown { kind, .. } => kind,
        }
    }
}

#[derive(Deserialize)]
struct WireIn {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    data: serde_json::Value,
}

#[derive(Serialize)]
struct WireOut<'a, T: Serialize> {
    #[serde(rename = "type")]
    kind: &'a str,
    data: &'a T,
}

impl<'de> Deserialize<'de> for ModeratorAction {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        fn data<T: serde::de::DeserializeOwned, E: serde::de::Error>(
            kind: &str,
            data: serde_json::Value,
        ) -> Result<T, E> {
            serde_json::from_value(data).map_err(|e| E::custom(format_args!("{kind}: {e}")))
        }
        let wire = WireIn::deserialize(d)?;
        let d = wire.data;
        Ok(match wire.kind.as_str() {
            "moderation_action" => Self::ModerationAction(data(&wire.kind, d)?),
            "moderator_added" => Self::ModeratorAdded(data(&wire.kind, d)?),
            "moderator_removed" => Self::ModeratorRemoved(data(&wire.kind, d)?),
            "vip_added" => Self::VipAdded(data(&wire.kind, d)?),
            "channel_terms_action" => Self::ChannelTermsAction(data(&wire.kind, d)?),
            "approve_unban_request" => Self::ApproveUnbanRequest(data(&wire.kind, d)?),
            "deny_unban_request" => Self::DenyUnbanRequest(data(&wire.kind, d)?),
            _ => Self::Unknown {
                kind: wire.kind,
                data: d,
            },
        })
    }
}

impl Serialize for ModeratorAction {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let kind = self.kind();
        match self {
            Self::ModerationAction(data) => WireOut { kind, data }.serialize(s),
            Self::ModeratorAdded(data) | Self::ModeratorRemoved(data) | Self::VipAdded(data) => {
                WireOut { kind, data }.serialize(s)
            }
            Self::ChannelTermsAction(data) => WireOut { kind, data }.serialize(s),
            Self::ApproveUnbanRequest(data) | Self::DenyUnbanRequest(data) => {
                WireOut { kind, data }.serialize(s)
            }
            Self::Unknown { data, .. } => WireOut { kind, data }.serialize(s),
        }
    }
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::super::test_util::{message, messages};
    use super::*;

    const FILE: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/vectors/pubsub/chat_moderator_actions.json"
    ));

    fn parse(name: &str) -> ModeratorAction {
        serde_json::from_str(&message(FILE, name).message).unwrap()
    }

    fn command(name: &str) -> ModerationCommand {
        match parse(name) {
            ModeratorAction::ModerationAction(c) => c,
            other => panic!("{name}: {other:?}"),
        }
    }

    #[test]
    fn every_vector_has_a_known_type() {
        for v in messages(FILE) {
            let action: ModeratorAction = serde_json::from_str(&v.message).unwrap();
            assert!(
                !matches!(action, ModeratorAction::Unknown { .. }),
                "{}: {action:?}",
                v.name
            );
        }
    }

    #[test]
    fn parses_moderation_commands() {
        let c = command("mod_action_timeout");
        assert_eq!(c.kind, "chat_login_moderation");
        assert_eq!(c.moderation_action, "timeout");
        assert_eq!(
            c.args.as_deref(),
            Some(&["tmo".to_owned(), "1".into(), "".into()][..])
        );
        assert_eq!(c.created_by.as_deref(), Some("emilgardis"));
        assert_eq!(c.created_by_user_id.as_deref(), Some("27620241"));
        assert_eq!(c.target_user_id, "1234");
        assert_eq!(c.from_automod, Some(false));
        assert_eq!(c.created_at, None);

        let c = command("mod_targeted_delete");
        assert_eq!(c.kind, "chat_targeted_login_moderation");
        assert_eq!(c.moderation_action, "delete_notification");
        assert_eq!(c.msg_id, "b7ffbf8a-ca9f-497e-bc6f-ae0e606e99dc");
        assert_eq!(c.created_by, None);
        assert_eq!(c.target_user_login, "emilgardis");

        let c = command("mod_automod");
        assert_eq!(c.args, None);
        assert_eq!(c.moderation_action, "modified_automod_properties");

        let c = command("vip_added_mod_action");
        assert_eq!(
            c.created_at,
            Some(datetime!(2022-12-20 16:41:26.168122804 UTC))
        );
        // `""` is no timestamp.
        assert_eq!(command("unraid").created_at, None);
        // Unknown fields are ignored.
        assert_eq!(command("allow_unknown").args.unwrap(), ["5"]);
    }

    #[test]
    fn parses_moderator_and_vip_changes() {
        let ModeratorAction::ModeratorAdded(m) = parse("mod_add_moderator") else {
            panic!("moderator_added");
        };
        assert_eq!(m.target_user_login, "nightbot");
        assert_eq!(m.moderation_action.as_deref(), Some("mod"));
        assert_eq!(m.created_by, "emilgardis");
        let ModeratorAction::ModeratorRemoved(m) = parse("mod_remove_moderator") else {
            panic!("moderator_removed");
        };
        assert_eq!(m.channel_id, "129546453");
        assert_eq!(m.moderation_action.as_deref(), Some("unmod"));
        let ModeratorAction::VipAdded(m) = parse("vip_added") else {
            panic!("vip_added");
        };
        assert_eq!(m.target_user_id, "56345511");
        assert_eq!(m.moderation_action, None);
    }

    #[test]
    fn parses_terms_and_unban_requests() {
        let ModeratorAction::ChannelTermsAction(t) = parse("mod_automod_delete_blocked_term")
        else {
            panic!("channel_terms_action");
        };
        assert_eq!(t.kind, "delete_blocked_term");
        assert_eq!(t.text, "Hype");
        assert_eq!(t.expires_at, None);
        assert_eq!(
            t.updated_at,
            Some(datetime!(2021-05-10 21:35:28.745222679 UTC))
        );
        assert!(!t.from_automod);

        let ModeratorAction::ChannelTermsAction(t) = parse("Vagina allowed") else {
            panic!("channel_terms_action");
        };
        assert_eq!(t.kind, "add_permitted_term");
        assert_eq!(
            t.expires_at,
            Some(datetime!(2022-05-01 11:58:14.189115313 UTC))
        );
        assert!(t.from_automod);

        let ModeratorAction::DenyUnbanRequest(u) = parse("deny_unban_request") else {
            panic!("deny_unban_request");
        };
        assert_eq!(u.moderation_action, "DENY_UNBAN_REQUEST");
        assert_eq!(u.created_by_login, "emilgardis");
        assert_eq!(u.moderator_message, "ok");
        assert_eq!(u.target_user_login, "emil_the_impostor");
        assert!(matches!(
            parse("approve_unban_request"),
            ModeratorAction::ApproveUnbanRequest(_)
        ));
    }

    #[test]
    fn keeps_unknown_types_and_writes_the_wire_shape_back() {
        let raw = serde_json::json!({"type": "shield_mode", "data": {"on": true}});
        let action: ModeratorAction = serde_json::from_value(raw.clone()).unwrap();
        assert_eq!(action.kind(), "shield_mode");
        assert_eq!(serde_json::to_value(&action).unwrap(), raw);

        for name in [
            "mod_action_delete",
            "mod_add_moderator",
            "vip_added",
            "deny_unban_request",
        ] {
            let text = message(FILE, name).message;
            let wire: serde_json::Value = serde_json::from_str(&text).unwrap();
            let action: ModeratorAction = serde_json::from_str(&text).unwrap();
            assert_eq!(serde_json::to_value(&action).unwrap(), wire, "{name}");
        }
    }

    #[test]
    fn a_known_type_with_bad_data_is_an_error() {
        for bad in [
            r#"{"type":"moderation_action"}"#,
            r#"{"type":"moderation_action","data":{"args":[]}}"#,
            r#"{"type":"channel_terms_action","data":{"id":"1","text":"x","channel_id":"1","updated_at":"soon"}}"#,
            r#"{"data":{}}"#,
        ] {
            assert!(
                serde_json::from_str::<ModeratorAction>(bad).is_err(),
                "{bad}"
            );
        }
    }
}
