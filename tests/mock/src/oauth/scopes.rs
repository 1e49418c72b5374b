//! The scopes id.twitch.tv grants; `/oauth2/authorize` and `/oauth2/device`
//! refuse any other.

/// Every scope the mock knows, sorted.
pub(crate) const KNOWN: &[&str] = &[
    "analytics:read:extensions",
    "analytics:read:games",
    "bits:read",
    "channel:bot",
    "channel:edit:commercial",
    "channel:manage:ads",
    "channel:manage:broadcast",
    "channel:manage:clips",
    "channel:manage:extensions",
    "channel:manage:guest_star",
    "channel:manage:moderators",
    "channel:manage:polls",
    "channel:manage:predictions",
    "channel:manage:raids",
    "channel:manage:redemptions",
    "channel:manage:schedule",
    "channel:manage:videos",
    "channel:manage:vips",
    "channel:moderate",
    "channel:read:ads",
    "channel:read:charity",
    "channel:read:editors",
    "channel:read:goals",
    "channel:read:guest_star",
    "channel:read:hype_train",
    "channel:read:polls",
    "channel:read:predictions",
    "channel:read:redemptions",
    "channel:read:stream_key",
    "channel:read:subscriptions",
    "channel:read:vips",
    "chat:edit",
    "chat:read",
    "clips:edit",
    "editor:manage:clips",
    "moderation:read",
    "moderator:manage:announcements",
    "moderator:manage:automod",
    "moderator:manage:automod_settings",
    "moderator:manage:banned_users",
    "moderator:manage:blocked_terms",
    "moderator:manage:chat_messages",
    "moderator:manage:chat_settings",
    "moderator:manage:guest_star",
    "moderator:manage:shield_mode",
    "moderator:manage:shoutouts",
    "moderator:manage:suspicious_users",
    "moderator:manage:unban_requests",
    "moderator:manage:warnings",
    "moderator:read:automod_settings",
    "moderator:read:banned_users",
    "moderator:read:blocked_terms",
    "moderator:read:chat_messages",
    "moderator:read:chat_settings",
    "moderator:read:chatters",
    "moderator:read:followers",
    "moderator:read:guest_star",
    "moderator:read:moderators",
    "moderator:read:shield_mode",
    "moderator:read:shoutouts",
    "moderator:read:suspicious_users",
    "moderator:read:unban_requests",
    "moderator:read:vips",
    "moderator:read:warnings",
    "openid",
    "user:bot",
    "user:edit",
    "user:edit:broadcast",
    "user:edit:follows",
    "user:manage:blocked_users",
    "user:manage:chat_color",
    "user:manage:whispers",
    "user:read:blocked_users",
    "user:read:broadcast",
    "user:read:chat",
    "user:read:email",
    "user:read:emotes",
    "user:read:follows",
    "user:read:moderated_channels",
    "user:read:subscriptions",
    "user:read:whispers",
    "user:write:chat",
    "whispers:edit",
    "whispers:read",
];

/// Whether id.twitch.tv grants `scope`.
pub(crate) fn is_known(scope: &str) -> bool {
    KNOWN.binary_search(&scope).is_ok()
}

/// The scopes of a space-separated list, in order, each once; the first
/// unknown one is the error.
pub(crate) fn parse(text: &str) -> Result<Vec<String>, String> {
    let mut scopes: Vec<String> = Vec::new();
    for scope in text.split_whitespace() {
        if !is_known(scope) {
            return Err(scope.to_owned());
        }
        if !scopes.iter().any(|s| s == scope) {
            scopes.push(scope.to_owned());
        }
    }
    Ok(scopes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_and_unique() {
        assert!(KNOWN.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn parse_keeps_order_and_refuses_unknown_scopes() {
        assert_eq!(
            parse(" user:edit  bits:read user:edit").unwrap(),
            ["user:edit", "bits:read"]
        );
        assert_eq!(parse("").unwrap(), Vec::<String>::new());
        assert_eq!(parse("bits:read user_read").unwrap_err(), "user_read");
        assert_eq!(
            parse("user:edit+bits:read").unwrap_err(),
            "user:edit+bits:read"
        );
    }
}
