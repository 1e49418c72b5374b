//! Realistic `data.message` payloads, shaped like the ones Twitch sent
//! (taken from captured PubSub traffic), filled in with the mock's users.

use serde_json::{json, Value};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::state::State;

fn now_rfc3339() -> String {
    OffsetDateTime::now_utc()
        .format(&Rfc3339)
        .unwrap_or_else(|_| "1970-01-01T00:00:00Z".to_owned())
}

/// `(id, login, display_name)` of a user id (login `user<id>` when unknown).
fn user_by_id(state: &State, id: &str) -> (String, String, String) {
    match state.data.user(id) {
        Some(u) => (u.id.clone(), u.login.clone(), u.display_name.clone()),
        None => (id.to_owned(), format!("user{id}"), format!("user{id}")),
    }
}

/// `(id, login, display_name)` of a login (a made-up numeric id when unknown).
fn user_by_login(state: &State, login: &str) -> (String, String, String) {
    match state.data.user_by_login(login) {
        Some(u) => (u.id.clone(), u.login.clone(), u.display_name.clone()),
        None => {
            let id = 9_000_000 + login.bytes().map(u64::from).sum::<u64>();
            (id.to_string(), login.to_owned(), login.to_owned())
        }
    }
}

/// A `reward-redeemed` message of `channel-points-channel-v1.<channel_id>`:
/// the seeded viewer `user1` redeems a reward titled `title`.
pub(crate) fn redemption(state: &mut State, channel_id: &str, title: &str) -> Value {
    let at = now_rfc3339();
    let (viewer_id, viewer_login, viewer_name) = user_by_id(state, "10001");
    let redemption_id = state.next_uuid();
    let reward_id = state.next_uuid();
    json!({
        "type": "reward-redeemed",
        "data": {
            "timestamp": at,
            "redemption": {
                "id": redemption_id,
                "user": { "id": viewer_id, "login": viewer_login, "display_name": viewer_name },
                "channel_id": channel_id,
                "redeemed_at": at,
                "reward": {
                    "id": reward_id,
                    "channel_id": channel_id,
                    "title": title,
                    "prompt": "",
                    "cost": 2000,
                    "is_user_input_required": false,
                    "is_sub_only": false,
                    "image": null,
                    "default_image": {
                        "url_1x": "https://static-cdn.jtvnw.net/custom-reward-images/default-1.png",
                        "url_2x": "https://static-cdn.jtvnw.net/custom-reward-images/default-2.png",
                        "url_4x": "https://static-cdn.jtvnw.net/custom-reward-images/default-4.png"
                    },
                    "background_color": "#81AEFF",
                    "is_enabled": true,
                    "is_paused": false,
                    "is_in_stock": true,
                    "max_per_stream": { "is_enabled": false, "max_per_stream": 0 },
                    "should_redemptions_skip_request_queue": false,
                    "template_id": null,
                    "updated_for_indicator_at": at,
                    "max_per_user_per_stream": { "is_enabled": false, "max_per_user_per_stream": 0 },
                    "global_cooldown": { "is_enabled": false, "global_cooldown_seconds": 0 },
                    "redemptions_redeemed_current_stream": 0,
                    "cooldown_expires_at": null
                },
                "status": "UNFULFILLED"
            }
        }
    })
}

/// A `whisper_received` message of `whispers.<to_user_id>`: `data` is the
/// whisper as a JSON string, `data_object` the same whisper as an object.
pub(crate) fn whisper(state: &mut State, to_user_id: &str, from_login: &str, text: &str) -> Value {
    let (from_id, from_login, from_name) = user_by_login(state, from_login);
    let (to_id, to_login, to_name) = user_by_id(state, to_user_id);
    let number = |id: &str| id.parse::<u64>().map_or_else(|_| json!(id), |n| json!(n));
    state.pubsub.whispers_sent += 1;
    let whisper = json!({
        "message_id": state.next_uuid(),
        "id": state.pubsub.whispers_sent,
        "thread_id": format!("{to_id}_{from_id}"),
        "body": text,
        "sent_ts": OffsetDateTime::now_utc().unix_timestamp(),
        "from_id": number(&from_id),
        "tags": {
            "login": from_login,
            "display_name": from_name,
            "color": "#2E8B57",
            "emotes": [],
            "badges": []
        },
        "recipient": {
            "id": number(&to_id),
            "username": to_login,
            "display_name": to_name,
            "color": "#CC44FF"
        }
    });
    json!({
        "type": "whisper_received",
        "data": whisper.to_string(),
        "data_object": whisper,
    })
}

/// A `bits_event` message of `channel-bits-events-v2.<channel_id>`.
pub(crate) fn bits(
    state: &mut State,
    channel_id: &str,
    from_login: &str,
    bits: u64,
    chat_message: &str,
) -> Value {
    let (user_id, user_login, _) = user_by_login(state, from_login);
    let (_, channel_login, _) = user_by_id(state, channel_id);
    json!({
        "data": {
            "user_name": user_login,
            "channel_name": channel_login,
            "user_id": user_id,
            "channel_id": channel_id,
            "time": now_rfc3339(),
            "chat_message": chat_message,
            "bits_used": bits,
            "total_bits_used": bits,
            "is_anonymous": false,
            "context": "cheer",
            "badge_entitlement": null
        },
        "version": "1.0",
        "message_type": "bits_event",
        "message_id": state.next_uuid()
    })
}
