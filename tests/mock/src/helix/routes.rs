//! The Helix route table: (method, path) -> endpoint.

use axum::http::Method;

use super::{
    analytics, automod, bans, bits, channels, chat, clips, commercial, entitlements, extensions,
    followers, follows, games, hypetrain, markers, moderators, redemptions, rewards, search,
    streams, subscriptions, tags, users, videos, webhooks, Handler,
};

/// The endpoint serving `method path`, if any.
pub(crate) fn route(method: &Method, path: &str) -> Option<Handler> {
    let path = path.strip_prefix("/helix/")?;
    let handler: Handler = match (method.as_str(), path) {
        ("GET", "users") => users::get,
        ("PUT", "users") => users::put,
        ("GET", "users/follows") => follows::get,
        ("POST", "users/follows") => follows::create,
        ("DELETE", "users/follows") => follows::delete,
        ("GET", "users/extensions/list") => extensions::list,
        ("GET", "users/extensions") => extensions::active,
        ("PUT", "users/extensions") => extensions::update,
        ("GET", "streams") => streams::get,
        ("GET", "streams/key") => streams::key,
        ("GET", "streams/markers") => markers::get,
        ("POST", "streams/markers") => markers::create,
        ("GET", "streams/tags") => tags::stream_tags,
        ("PUT", "streams/tags") => tags::replace,
        ("GET", "tags/streams") => tags::all,
        ("GET", "games") => games::get,
        ("GET", "games/top") => games::top,
        ("GET", "channels") => channels::get,
        ("GET", "channels/followers") => followers::get,
        ("PATCH", "channels") => channels::patch,
        ("POST", "channels/commercial") => commercial::start,
        ("GET", "search/categories") => search::categories,
        ("GET", "search/channels") => search::channels,
        ("GET", "clips") => clips::get,
        ("POST", "clips") => clips::create,
        ("GET", "videos") => videos::get,
        ("GET", "analytics/extensions") => analytics::extensions,
        ("GET", "analytics/games") => analytics::games,
        ("GET", "bits/leaderboard") => bits::leaderboard,
        ("GET", "bits/cheermotes") => bits::cheermotes,
        ("GET", "extensions/transactions") => extensions::transactions,
        ("GET", "channel_points/custom_rewards") => rewards::get,
        ("POST", "channel_points/custom_rewards") => rewards::create,
        ("PATCH", "channel_points/custom_rewards") => rewards::update,
        ("DELETE", "channel_points/custom_rewards") => rewards::delete,
        ("GET", "channel_points/custom_rewards/redemptions") => redemptions::get,
        ("PATCH", "channel_points/custom_rewards/redemptions") => redemptions::update,
        ("GET", "entitlements/codes") => entitlements::code_status,
        ("POST", "entitlements/codes") => entitlements::redeem,
        ("GET", "entitlements/drops") => entitlements::drops,
        ("POST", "entitlements/upload") => entitlements::upload,
        ("GET", "hypetrain/events") => hypetrain::events,
        ("POST", "moderation/enforcements/status") => automod::check,
        ("GET", "moderation/banned") => bans::banned,
        ("GET", "moderation/banned/events") => bans::events,
        ("GET", "moderation/moderators") => moderators::get,
        ("GET", "moderation/moderators/events") => moderators::events,
        ("GET", "subscriptions") => subscriptions::get,
        ("GET", "webhooks/subscriptions") => webhooks::get,
        ("POST", "webhooks/hub") => crate::webhook::hub::post,
        ("POST", "chat/messages") => chat::send,
        ("GET", "eventsub/subscriptions") => crate::eventsub::list,
        ("POST", "eventsub/subscriptions") => crate::eventsub::create,
        ("DELETE", "eventsub/subscriptions") => crate::eventsub::delete,
        _ => return None,
    };
    Some(handler)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_complete() {
        let known = [
            ("GET", "/helix/users"),
            ("POST", "/helix/channels/commercial"),
            ("PATCH", "/helix/channel_points/custom_rewards/redemptions"),
            ("GET", "/helix/webhooks/subscriptions"),
            ("POST", "/helix/webhooks/hub"),
            ("GET", "/helix/eventsub/subscriptions"),
            ("POST", "/helix/eventsub/subscriptions"),
            ("DELETE", "/helix/eventsub/subscriptions"),
        ];
        for (method, path) in known {
            let method = Method::from_bytes(method.as_bytes()).unwrap();
            assert!(route(&method, path).is_some(), "{method} {path}");
        }
        assert!(route(&Method::DELETE, "/helix/users").is_none());
        assert!(route(&Method::GET, "/users").is_none());
    }
}
