//! `src/eventsub/payloads.json`, the mock's table of EventSub subscription
//! types, is made from the reference vectors in
//! `core/tests/vectors/eventsub/`: this test builds the table again from
//! them and fails when the committed file differs.
//!
//! After the vectors change, rewrite the file with
//! `EVENTSUB_PAYLOADS_WRITE=1 cargo test -p twitchapi-mock --test eventsub_payloads`.
//!
//! One entry per type and version: `condition` (the keys of the documented
//! sample condition), `required` (groups of keys, one of each group must be
//! given), `scopes` (groups of scopes, one of each group must be granted),
//! `bot` (an app token also needs `user:bot` of the chatting user),
//! `webhook_only` (the type takes app access tokens only) and the first
//! documented `event` (or `events`, for batched types).

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn vectors_dir() -> PathBuf {
    manifest().join("../../core/tests/vectors/eventsub")
}

fn table_path() -> PathBuf {
    manifest().join("src/eventsub/payloads.json")
}

/// The words of `text` that look like OAuth scopes (`channel:read:polls`), in order, once each.
fn scope_words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in text.split(|c: char| c.is_whitespace() || c == ',') {
        let word = word.trim_matches(|c: char| matches!(c, '.' | ';' | '(' | ')'));
        let shaped = word.contains(':')
            && !word.starts_with(':')
            && !word.ends_with(':')
            && word
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c == ':');
        if shaped && !out.iter().any(|s| s == word) {
            out.push(word.to_owned());
        }
    }
    out
}

/// `channel.moderate` names its scopes in a list the vectors do not carry:
/// the read or the manage scope of each area, and two read-only ones.
fn moderate_scopes(version: &str) -> Vec<Vec<String>> {
    let mut areas = vec![
        "blocked_terms",
        "chat_settings",
        "unban_requests",
        "banned_users",
        "chat_messages",
    ];
    if version == "2" {
        areas.push("warnings");
    }
    let mut groups: Vec<Vec<String>> = areas
        .iter()
        .map(|a| {
            vec![
                format!("moderator:read:{a}"),
                format!("moderator:manage:{a}"),
            ]
        })
        .collect();
    groups.push(vec!["moderator:read:moderators".to_owned()]);
    groups.push(vec!["moderator:read:vips".to_owned()]);
    groups
}

/// Where the sentences about other cases begin.
const ASIDES: [&str; 4] = [
    "If app access token used",
    "If you use webhooks",
    "If you have the",
    "If conduit_id",
];

/// Scope groups, `bot` and `webhook_only` from the authorization text.
fn authorization(kind: &str, version: &str, text: &str) -> (Vec<Vec<String>>, bool, bool) {
    let cut = ASIDES
        .iter()
        .filter_map(|aside| text.find(aside))
        .min()
        .unwrap_or(text.len());
    let (main, rest) = text.split_at(cut);
    let words = scope_words(main);
    let groups = if kind == "channel.moderate" {
        moderate_scopes(version)
    } else if words.is_empty() {
        Vec::new()
    } else if main.contains(" or ") {
        vec![words]
    } else {
        words.into_iter().map(|w| vec![w]).collect()
    };
    let bot = scope_words(rest).iter().any(|s| s == "user:bot");
    let lower = main.to_lowercase();
    let webhook_only = [
        "app access token",
        "application access token",
        "client id must match",
    ]
    .iter()
    .any(|needle| lower.contains(needle));
    (groups, bot, webhook_only)
}

/// The keys Twitch insists on, as groups of which one key must be given.
fn required(kind: &str, keys: &[String]) -> Vec<Vec<String>> {
    if kind == "channel.raid" {
        return vec![vec![
            "from_broadcaster_user_id".to_owned(),
            "to_broadcaster_user_id".to_owned(),
        ]];
    }
    let optional = |key: &str| {
        key == "reward_id"
            || (kind == "drop.entitlement.grant" && matches!(key, "category_id" | "campaign_id"))
    };
    keys.iter()
        .filter(|k| !optional(k))
        .map(|k| vec![k.clone()])
        .collect()
}

fn entry(vector: &Value) -> Value {
    let kind = vector["type"].as_str().expect("type");
    let version = vector["version"].as_str().expect("version");
    let keys: Vec<String> = vector["create_subscription_request"]["body"]["condition"]
        .as_object()
        .expect("sample condition")
        .keys()
        .cloned()
        .collect();
    let text: Vec<&str> = vector["authorization"]
        .as_array()
        .expect("authorization")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let (scopes, bot, webhook_only) = authorization(kind, version, &text.join(" "));
    let payload = &vector["notifications"][0]["payload"];
    let mut entry = json!({
        "type": kind,
        "version": version,
        "condition": keys,
        "required": required(kind, &keys),
        "scopes": scopes,
        "bot": bot,
        "webhook_only": webhook_only,
    });
    if payload.get("event").is_some() {
        entry["event"] = payload["event"].clone();
    } else {
        entry["events"] = payload["events"].clone();
    }
    entry
}

fn table() -> Vec<Value> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(vectors_dir())
        .expect("the EventSub vectors")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter(|p| p.file_name().is_none_or(|n| n != "_index.json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).expect("vector");
            entry(&serde_json::from_str(&text).expect("vector JSON"))
        })
        .collect()
}

/// One compact entry per line.
fn render(entries: &[Value]) -> String {
    let lines: Vec<String> = entries.iter().map(Value::to_string).collect();
    format!("[\n{}\n]\n", lines.join(",\n"))
}

#[test]
fn the_table_matches_the_vectors() {
    let built = table();
    assert_eq!(built.len(), 82, "82 types and versions in the reference");
    if std::env::var_os("EVENTSUB_PAYLOADS_WRITE").is_some() {
        std::fs::write(table_path(), render(&built)).expect("write the table");
    }
    let committed: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(table_path()).expect("the table"))
            .expect("the table is JSON");
    assert_eq!(committed.len(), built.len());
    for (have, want) in committed.iter().zip(&built) {
        assert_eq!(
            have, want,
            "{} {}: rewrite with EVENTSUB_PAYLOADS_WRITE=1",
            want["type"], want["version"]
        );
    }
}

#[test]
fn authorization_texts_read_as_twitch_means_them() {
    let (groups, bot, app) = authorization(
        "channel.chat.message",
        "1",
        "Requires user:read:chat scope from the chatting user. If app access token used, then additionally requires user:bot scope from chatting user, and either channel:bot scope from broadcaster or moderator status.",
    );
    assert_eq!(groups, [["user:read:chat"]]);
    assert!(bot && !app);
    let (groups, _, _) = authorization(
        "channel.poll.begin",
        "1",
        "Must have channel:read:polls or channel:manage:polls scope.",
    );
    assert_eq!(groups, [["channel:read:polls", "channel:manage:polls"]]);
    let (groups, _, _) = authorization(
        "user.update",
        "1",
        "No authorization required. If you have the user:read:email scope, the notification will include email field.",
    );
    assert!(groups.is_empty());
    let (_, _, app) = authorization("drop.entitlement.grant", "1", "App access token required.");
    assert!(app);
    assert_eq!(moderate_scopes("2").len(), 8);
}
