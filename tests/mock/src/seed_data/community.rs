//! Seeded moderators, bans, their event logs and subscriptions.

use time::{Duration, OffsetDateTime};

use crate::model::{
    rfc3339, BanEventData, BannedUser, Data, ModerationEvent, Moderator, ModeratorEventData,
    Subscription, User,
};
use crate::state::splitmix;

const REASONS: [&str; 4] = [
    "Does not like pineapple on pizza.",
    "Inappropriate words.",
    "Spam.",
    "",
];

/// A 27-character event id like Twitch's (`1IPFqAb0p0JncbPSTEPhx8JF1Sa`).
pub(crate) fn event_id(seed: u64) -> String {
    const ALPHABET: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut out = String::from("1");
    let mut word = splitmix(seed);
    while out.len() < 27 {
        if word < 62 {
            word = splitmix(word ^ seed);
        }
        out.push(ALPHABET[(word % 62) as usize] as char);
        word /= 62;
    }
    out
}

fn moderator(broadcaster: &User, user: &User) -> Moderator {
    Moderator {
        user_id: user.id.clone(),
        user_login: user.login.clone(),
        user_name: user.display_name.clone(),
        broadcaster_id: broadcaster.id.clone(),
    }
}

fn mod_event(
    b: &User,
    u: &User,
    kind: &str,
    at: OffsetDateTime,
    seed: u64,
) -> ModerationEvent<ModeratorEventData> {
    ModerationEvent {
        id: event_id(seed),
        event_type: format!("moderation.moderator.{kind}"),
        event_timestamp: rfc3339(at),
        version: "1.0".to_owned(),
        event_data: ModeratorEventData {
            broadcaster_id: b.id.clone(),
            broadcaster_login: b.login.clone(),
            broadcaster_name: b.display_name.clone(),
            user_id: u.id.clone(),
            user_login: u.login.clone(),
            user_name: u.display_name.clone(),
        },
    }
}

/// twitchdev: 25 moderators (user40..user64), user65..user67 added then
/// removed; user0: 3 moderators (user1..user3).
fn moderators(data: &mut Data, now: OffsetDateTime) {
    let users = data.users.clone();
    let dev = &users[0];
    let mut events = Vec::new();
    for i in 40..68 {
        let user = &users[1 + i];
        let added = now - Duration::hours((200 - i) as i64);
        events.push(mod_event(dev, user, "add", added, 0x30D0 + i as u64));
        if i < 65 {
            data.moderators.push(moderator(dev, user));
        } else {
            let removed = added + Duration::minutes(45);
            events.push(mod_event(dev, user, "remove", removed, 0x30E0 + i as u64));
        }
    }
    for i in 1..4 {
        let (owner, user) = (&users[1], &users[1 + i]);
        data.moderators.push(moderator(owner, user));
        let at = now - Duration::hours(300 + i as i64);
        events.push(mod_event(owner, user, "add", at, 0x31D0 + i as u64));
    }
    events.sort_by(|a, b| b.event_timestamp.cmp(&a.event_timestamp));
    data.moderator_events = events;
}

fn ban_event(
    ban: &BannedUser,
    b: &User,
    kind: &str,
    at: OffsetDateTime,
    seed: u64,
) -> ModerationEvent<BanEventData> {
    ModerationEvent {
        id: event_id(seed),
        event_type: format!("moderation.user.{kind}"),
        event_timestamp: rfc3339(at),
        version: "1.0".to_owned(),
        event_data: BanEventData {
            broadcaster_id: b.id.clone(),
            broadcaster_login: b.login.clone(),
            broadcaster_name: b.display_name.clone(),
            user_id: ban.user_id.clone(),
            user_login: ban.user_login.clone(),
            user_name: ban.user_name.clone(),
            expires_at: if kind == "ban" {
                ban.expires_at.clone()
            } else {
                String::new()
            },
            reason: ban.reason.clone(),
            moderator_id: ban.moderator_id.clone(),
            moderator_login: ban.moderator_login.clone(),
            moderator_name: ban.moderator_name.clone(),
        },
    }
}

/// twitchdev: 30 bans (user100..user129, every third a timeout), and
/// user130..user134 banned then unbanned.
fn bans(data: &mut Data, now: OffsetDateTime) {
    let users = data.users.clone();
    let dev = &users[0];
    let mut events = Vec::new();
    for i in 100..135 {
        let user = &users[1 + i];
        let by = if i % 2 == 0 { dev } else { &users[41] };
        let created = now - Duration::minutes((135 - i) as i64 * 53);
        let expires_at = if i % 3 == 0 {
            rfc3339(created + Duration::days(2))
        } else {
            String::new()
        };
        let ban = BannedUser {
            user_id: user.id.clone(),
            user_login: user.login.clone(),
            user_name: user.display_name.clone(),
            expires_at,
            created_at: rfc3339(created),
            reason: REASONS[i % REASONS.len()].to_owned(),
            moderator_id: by.id.clone(),
            moderator_login: by.login.clone(),
            moderator_name: by.display_name.clone(),
            broadcaster_id: dev.id.clone(),
        };
        events.push(ban_event(&ban, dev, "ban", created, 0xBA0 + i as u64));
        if i < 130 {
            data.bans.push(ban);
        } else {
            let at = created + Duration::minutes(20);
            events.push(ban_event(&ban, dev, "unban", at, 0xBB0 + i as u64));
        }
    }
    data.bans.sort_by(|a, b| b.created_at.cmp(&a.created_at));
    events.sort_by(|a, b| b.event_timestamp.cmp(&a.event_timestamp));
    data.ban_events = events;
}

fn subscription(b: &User, u: &User, tier: &str, gifter: Option<&User>) -> Subscription {
    let plan_name = match tier {
        "1000" => format!("Channel Subscription ({})", b.login),
        "2000" => format!("Channel Subscription ({}): $9.99 Sub", b.login),
        _ => format!("Channel Subscription ({}): $24.99 Sub", b.login),
    };
    Subscription {
        broadcaster_id: b.id.clone(),
        broadcaster_login: b.login.clone(),
        broadcaster_name: b.display_name.clone(),
        gifter_id: gifter.map(|g| g.id.clone()).unwrap_or_default(),
        gifter_login: gifter.map(|g| g.login.clone()).unwrap_or_default(),
        gifter_name: gifter.map(|g| g.display_name.clone()).unwrap_or_default(),
        is_gift: gifter.is_some(),
        tier: tier.to_owned(),
        plan_name,
        user_id: u.id.clone(),
        user_name: u.display_name.clone(),
        user_login: u.login.clone(),
    }
}

/// twitchdev: 45 subscribers (user0..user44; tiers 3000 for every 10th,
/// 2000 for i % 4 == 1, gifts by user150 for i % 5 == 2); user0: 5 (user45..user49).
fn subscriptions(data: &mut Data) {
    let users = &data.users;
    let dev = &users[0];
    let gifter = &users[151];
    let mut subs = Vec::new();
    for i in 0..45 {
        let tier = if i % 10 == 0 {
            "3000"
        } else if i % 4 == 1 {
            "2000"
        } else {
            "1000"
        };
        let gift = (i % 5 == 2).then_some(gifter);
        subs.push(subscription(dev, &users[1 + i], tier, gift));
    }
    for i in 45..50 {
        subs.push(subscription(&users[1], &users[1 + i], "1000", None));
    }
    data.subscriptions = subs;
}

pub(crate) fn seed(data: &mut Data, now: OffsetDateTime) {
    moderators(data, now);
    bans(data, now);
    subscriptions(data);
}
