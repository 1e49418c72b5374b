//! PubSub topics the mock knows: their shape, the scope a token needs for
//! them, and whose token it must be.
//!
//! | topic | scope | the token's user must be |
//! | --- | --- | --- |
//! | `whispers.<user_id>` | `whispers:read` | `<user_id>` |
//! | `channel-bits-events-v1.<channel_id>` | `bits:read` | `<channel_id>` |
//! | `channel-bits-events-v2.<channel_id>` | `bits:read` | `<channel_id>` |
//! | `channel-bits-badge-unlocks.<channel_id>` | `bits:read` | `<channel_id>` |
//! | `channel-points-channel-v1.<channel_id>` | `channel:read:redemptions` | `<channel_id>` |
//! | `channel-subscribe-events-v1.<channel_id>` | `channel_subscriptions` | `<channel_id>` |
//! | `chat_moderator_actions.<user_id>.<channel_id>` | `channel:moderate` | `<user_id>` |
//! | `automod-queue.<moderator_id>.<channel_id>` | `channel:moderate` | `<moderator_id>` |
//! | `user-moderation-notifications.<user_id>.<channel_id>` | `chat:read` | `<user_id>` |
//!
//! Twitch's undocumented public topics need no scope and no token:
//! `video-playback.<login>`, `video-playback-by-id.<channel_id>`,
//! `raid.<channel_id>`, `hype-train-events-v1.<channel_id>`,
//! `following.<user_id>`, `community-points-channel-v1.<channel_id>`,
//! `channel-cheer-events-public-v1.<channel_id>`,
//! `channel-sub-gifts-v1.<channel_id>`. Ids are decimal digits, logins
//! `[a-z0-9_]`; anything else is a bad topic.

/// How the parts after a topic's prefix look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// One numeric id.
    Id,
    /// Two numeric ids.
    TwoIds,
    /// One login.
    Login,
}

/// A known topic prefix.
struct Kind {
    prefix: &'static str,
    shape: Shape,
    /// `None`: public (no token needed).
    scope: Option<&'static str>,
}

const KINDS: &[Kind] = &[
    kind("whispers", Shape::Id, Some("whispers:read")),
    kind("channel-bits-events-v1", Shape::Id, Some("bits:read")),
    kind("channel-bits-events-v2", Shape::Id, Some("bits:read")),
    kind("channel-bits-badge-unlocks", Shape::Id, Some("bits:read")),
    kind(
        "channel-points-channel-v1",
        Shape::Id,
        Some("channel:read:redemptions"),
    ),
    kind(
        "channel-subscribe-events-v1",
        Shape::Id,
        Some("channel_subscriptions"),
    ),
    kind(
        "chat_moderator_actions",
        Shape::TwoIds,
        Some("channel:moderate"),
    ),
    kind("automod-queue", Shape::TwoIds, Some("channel:moderate")),
    kind(
        "user-moderation-notifications",
        Shape::TwoIds,
        Some("chat:read"),
    ),
    kind("video-playback", Shape::Login, None),
    kind("video-playback-by-id", Shape::Id, None),
    kind("raid", Shape::Id, None),
    kind("hype-train-events-v1", Shape::Id, None),
    kind("following", Shape::Id, None),
    kind("community-points-channel-v1", Shape::Id, None),
    kind("channel-cheer-events-public-v1", Shape::Id, None),
    kind("channel-sub-gifts-v1", Shape::Id, None),
];

const fn kind(prefix: &'static str, shape: Shape, scope: Option<&'static str>) -> Kind {
    Kind {
        prefix,
        shape,
        scope,
    }
}

/// What a well-formed topic asks of the token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Need {
    /// The scope the token must carry (`None`: a public topic).
    pub scope: Option<&'static str>,
    /// The user the token must belong to (`None`: anyone).
    pub owner: Option<String>,
}

fn is_id(part: &str) -> bool {
    !part.is_empty() && part.len() <= 20 && part.bytes().all(|b| b.is_ascii_digit())
}

fn is_login(part: &str) -> bool {
    !part.is_empty()
        && part.len() <= 25
        && part
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// What `topic` needs, or `None` when it is unknown or malformed (ERR_BADTOPIC).
pub(crate) fn parse(topic: &str) -> Option<Need> {
    // The longest matching prefix wins (video-playback vs video-playback-by-id).
    let (kind, rest) = KINDS
        .iter()
        .filter_map(|k| {
            let rest = topic.strip_prefix(k.prefix)?.strip_prefix('.')?;
            Some((k, rest))
        })
        .max_by_key(|(k, _)| k.prefix.len())?;
    let parts: Vec<&str> = rest.split('.').collect();
    let owner = match (kind.shape, parts.as_slice()) {
        (Shape::Id, [id]) if is_id(id) => *id,
        (Shape::TwoIds, [user, channel]) if is_id(user) && is_id(channel) => *user,
        (Shape::Login, [login]) if is_login(login) => *login,
        _ => return None,
    };
    Some(Need {
        scope: kind.scope,
        owner: kind.scope.map(|_| owner.to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_topics_parse_with_their_scope_and_owner() {
        let need = parse("channel-points-channel-v1.141981764").unwrap();
        assert_eq!(need.scope, Some("channel:read:redemptions"));
        assert_eq!(need.owner.as_deref(), Some("141981764"));
        let need = parse("chat_moderator_actions.1.2").unwrap();
        assert_eq!(need.scope, Some("channel:moderate"));
        assert_eq!(need.owner.as_deref(), Some("1"));
        assert_eq!(parse("whispers.7").unwrap().scope, Some("whispers:read"));
        let public = parse("video-playback-by-id.5").unwrap();
        assert_eq!(public.scope, None);
        assert_eq!(public.owner, None);
        assert!(parse("video-playback.tmi").is_some());
    }

    #[test]
    fn unknown_and_malformed_topics_are_refused() {
        for bad in [
            "",
            ".",
            "whispers",
            "whispers.",
            "whispers.abc",
            "whispers.1.2",
            "whispers.1 ",
            "chat_moderator_actions.1",
            "chat_moderator_actions.1.x",
            "nope.1",
            "video-playback.TMI",
            "channel-points-channel-v2.1",
            "whispers.123456789012345678901",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }
}
