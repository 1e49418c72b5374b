//! Installed and active extensions (the same for every user until changed).

use std::collections::BTreeMap;

use crate::model::{ActiveExtensions, ActiveSlot, UserExtension};

/// (id, version, name, types).
const INSTALLED: &[(&str, &str, &str, &[&str])] = &[
    (
        "wi08ebtatdc7oj83wtl9uxwz807l8b",
        "1.1.8",
        "Streamlabs Leaderboard",
        &["panel"],
    ),
    (
        "d4uvtfdr04uq6raoenvj7m86gdk16v",
        "2.0.2",
        "Prime Subscription and Loot Reminder",
        &["overlay"],
    ),
    (
        "rh6jq1q334hqc2rr1qlzqbvwlfl3x0",
        "1.1.0",
        "TopClip",
        &["mobile", "panel"],
    ),
    (
        "zfh2irvx2jb4s60f02jq0ajm8vwgka",
        "1.0.19",
        "Streamlabs",
        &["mobile", "overlay"],
    ),
    (
        "lqnf3zxk0rv0g7gq92mtmnirjz2cjj",
        "0.0.1",
        "Dev Experience Test",
        &["component", "mobile", "panel", "overlay"],
    ),
    (
        "naty2zwfp7vecaivuve8ef1hohh6bo",
        "1.0.9",
        "Streamlabs Stream Schedule & Countdown",
        &["panel"],
    ),
];

/// Every installed extension (Get User Extensions).
pub(crate) fn installed() -> Vec<UserExtension> {
    INSTALLED
        .iter()
        .map(|&(id, version, name, kinds)| UserExtension {
            id: id.to_owned(),
            version: version.to_owned(),
            name: name.to_owned(),
            can_activate: true,
            kind: kinds.iter().map(|k| (*k).to_owned()).collect(),
        })
        .collect()
}

/// The installed extension with this id.
pub(crate) fn find(id: &str) -> Option<UserExtension> {
    installed().into_iter().find(|e| e.id == id)
}

fn active(id: &str, position: Option<(i64, i64)>) -> ActiveSlot {
    let ext = find(id);
    ActiveSlot {
        active: true,
        id: Some(id.to_owned()),
        version: ext.as_ref().map(|e| e.version.clone()),
        name: ext.map(|e| e.name),
        x: position.map(|p| p.0),
        y: position.map(|p| p.1),
    }
}

fn slots(entries: Vec<ActiveSlot>) -> BTreeMap<String, ActiveSlot> {
    entries
        .into_iter()
        .enumerate()
        .map(|(i, slot)| ((i + 1).to_string(), slot))
        .collect()
}

/// The active extensions of a user who never changed them (Twitch's example).
pub(crate) fn default_active() -> ActiveExtensions {
    ActiveExtensions {
        panel: slots(vec![
            active("rh6jq1q334hqc2rr1qlzqbvwlfl3x0", None),
            active("wi08ebtatdc7oj83wtl9uxwz807l8b", None),
            active("naty2zwfp7vecaivuve8ef1hohh6bo", None),
        ]),
        overlay: slots(vec![active("zfh2irvx2jb4s60f02jq0ajm8vwgka", None)]),
        component: slots(vec![
            active("lqnf3zxk0rv0g7gq92mtmnirjz2cjj", Some((0, 0))),
            ActiveSlot::default(),
        ]),
    }
}
