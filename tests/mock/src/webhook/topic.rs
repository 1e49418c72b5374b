//! The topics the hub accepts: eight Helix URLs, each with its own set of
//! query keys (order does not matter), and the token each one needs.

use url::Url;

/// The token a topic needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Need {
    /// Any token.
    Any,
    /// An app token.
    App,
    /// A user token of the topic's `broadcaster_id` with this scope.
    Broadcaster(&'static str),
}

/// A form of topic: its path and query keys.
struct Form {
    path: &'static str,
    required: &'static [&'static str],
    optional: &'static [&'static str],
    /// At least one of these must be given (they are listed in `optional`).
    one_of: &'static [&'static str],
    need: Need,
}

const FORMS: &[Form] = &[
    Form {
        path: "/helix/users/follows",
        required: &["first"],
        optional: &["from_id", "to_id"],
        one_of: &["from_id", "to_id"],
        need: Need::Any,
    },
    Form {
        path: "/helix/streams",
        required: &["user_id"],
        optional: &[],
        one_of: &[],
        need: Need::Any,
    },
    Form {
        path: "/helix/users",
        required: &["id"],
        optional: &[],
        one_of: &[],
        need: Need::Any,
    },
    Form {
        path: "/helix/extensions/transactions",
        required: &["extension_id", "first"],
        optional: &[],
        one_of: &[],
        need: Need::App,
    },
    Form {
        path: "/helix/moderation/moderators/events",
        required: &["broadcaster_id", "first"],
        optional: &["user_id"],
        one_of: &[],
        need: Need::Broadcaster("moderation:read"),
    },
    Form {
        path: "/helix/moderation/banned/events",
        required: &["broadcaster_id", "first"],
        optional: &["user_id"],
        one_of: &[],
        need: Need::Broadcaster("moderation:read"),
    },
    Form {
        path: "/helix/subscriptions/events",
        required: &["broadcaster_id", "first"],
        optional: &["gifter_id", "gifter_name", "user_id"],
        one_of: &[],
        need: Need::Broadcaster("channel:read:subscriptions"),
    },
    Form {
        path: "/helix/hypetrain/events",
        required: &["broadcaster_id", "first"],
        optional: &[],
        one_of: &[],
        need: Need::Broadcaster("channel:read:hype_train"),
    },
];

/// A topic the hub accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Topic {
    /// Canonical form: the URL with its query pairs sorted by key.
    pub key: String,
    pub need: Need,
    /// The `broadcaster_id` value, for topics that have one.
    pub broadcaster_id: Option<String>,
}

/// An id, user login or extension id: ASCII letters, digits and `_`.
fn is_id(value: &str) -> bool {
    !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// The topic `text` names, or why it is not one the hub accepts.
pub(crate) fn parse(text: &str) -> Result<Topic, String> {
    let not_url = || "hub.topic must be an absolute URL".to_owned();
    if !text.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(not_url());
    }
    let url = Url::parse(text).map_err(|_| not_url())?;
    if url.scheme() != "https"
        || url.host_str() != Some("api.twitch.tv")
        || url.port().is_some()
        || !url.username().is_empty()
        || url.password().is_some()
        || url.fragment().is_some()
    {
        return Err("hub.topic must be a URL on https://api.twitch.tv".to_owned());
    }
    let form = FORMS
        .iter()
        .find(|f| f.path == url.path())
        .ok_or_else(|| format!("hub.topic {} is not a supported topic", url.path()))?;
    let mut pairs: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    pairs.sort();
    for (i, (key, value)) in pairs.iter().enumerate() {
        if !form.required.contains(&key.as_str()) && !form.optional.contains(&key.as_str()) {
            return Err(format!("hub.topic has an unsupported parameter \"{key}\""));
        }
        if i > 0 && pairs[i - 1].0 == *key {
            return Err(format!("hub.topic repeats the parameter \"{key}\""));
        }
        if key == "first" && value != "1" {
            return Err("hub.topic must have first=1".to_owned());
        }
        if !is_id(value) {
            return Err(format!("hub.topic has an invalid value for \"{key}\""));
        }
    }
    let has = |key: &str| pairs.iter().any(|(k, _)| k == key);
    if let Some(missing) = form.required.iter().find(|k| !has(k)) {
        return Err(format!("hub.topic lacks the parameter \"{missing}\""));
    }
    if !form.one_of.is_empty() && !form.one_of.iter().any(|k| has(k)) {
        return Err(format!(
            "hub.topic needs at least one of {}",
            form.one_of.join(", ")
        ));
    }
    let query = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(&pairs)
        .finish();
    Ok(Topic {
        key: format!("https://api.twitch.tv{}?{query}", form.path),
        need: form.need,
        broadcaster_id: pairs
            .iter()
            .find(|(k, _)| k == "broadcaster_id")
            .map(|(_, v)| v.clone()),
    })
}

/// The canonical form of `text` when it is a topic the hub accepts, else `text` itself.
pub(crate) fn key_of(text: &str) -> String {
    parse(text)
        .map(|t| t.key)
        .unwrap_or_else(|_| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://api.twitch.tv/helix";

    #[test]
    fn the_eight_forms_parse() {
        let good = [
            "/users/follows?first=1&from_id=1",
            "/users/follows?first=1&to_id=1",
            "/users/follows?to_id=2&first=1&from_id=1",
            "/streams?user_id=5",
            "/users?id=5",
            "/extensions/transactions?extension_id=abc123&first=1",
            "/moderation/moderators/events?broadcaster_id=1&first=1",
            "/moderation/moderators/events?broadcaster_id=1&first=1&user_id=2",
            "/moderation/banned/events?first=1&broadcaster_id=1",
            "/subscriptions/events?broadcaster_id=1&first=1&gifter_id=3&gifter_name=a_b&user_id=2",
            "/hypetrain/events?broadcaster_id=1&first=1",
        ];
        for path in good {
            assert!(parse(&format!("{BASE}{path}")).is_ok(), "{path}");
        }
        let hype = parse(&format!("{BASE}/hypetrain/events?first=1&broadcaster_id=7")).unwrap();
        assert_eq!(hype.need, Need::Broadcaster("channel:read:hype_train"));
        assert_eq!(hype.broadcaster_id.as_deref(), Some("7"));
        assert_eq!(
            hype.key,
            "https://api.twitch.tv/helix/hypetrain/events?broadcaster_id=7&first=1"
        );
    }

    #[test]
    fn others_do_not() {
        let bad = [
            "/users/follows?first=1",
            "/users/follows?from_id=1",
            "/users/follows?first=2&from_id=1",
            "/streams",
            "/streams?user_id=5&first=1",
            "/streams?user_id=5&user_id=6",
            "/streams?user_id=",
            "/streams?user_id=a%20b",
            "/users?login=abc",
            "/extensions/transactions?extension_id=abc",
            "/moderation/moderators/events?broadcaster_id=1",
            "/hypetrain/events?broadcaster_id=1&first=1&user_id=2",
            "/games?id=1",
        ];
        for path in bad {
            assert!(parse(&format!("{BASE}{path}")).is_err(), "{path}");
        }
        for other in [
            "http://api.twitch.tv/helix/users?id=1",
            "https://api.twitch.tv:8443/helix/users?id=1",
            "https://example.com/helix/users?id=1",
            "https://api.twitch.tv/helix/users?id=1#x",
            "/helix/users?id=1",
            "https://api.twitch.tv/helix/users?id=1\n",
            "",
        ] {
            assert!(parse(other).is_err(), "{other}");
        }
    }

    #[test]
    fn order_does_not_matter() {
        assert_eq!(
            key_of(&format!("{BASE}/users/follows?to_id=2&first=1")),
            key_of(&format!("{BASE}/users/follows?first=1&to_id=2"))
        );
        assert_eq!(key_of("not a topic"), "not a topic");
    }
}
