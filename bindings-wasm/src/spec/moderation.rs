//! Moderation.

use super::prelude::*;

const USER_IDS: Param = Param::new("user_ids", Strs, Optional);
const USER_ID: Param = Param::new("user_id", Str, Optional);

#[allow(non_upper_case_globals)]
pub static check_automod_status: Spec = Spec {
    params: &[
        BROADCASTER,
        Param::new("msg_id", Str, Required),
        Param::new("msg_text", Str, Required),
        Param::new("user_id", Str, Required),
    ],
    rules: &[
        NotEmpty("broadcaster_id"),
        NotEmpty("msg_id"),
        NotEmpty("msg_text"),
        NotEmpty("user_id"),
    ],
    query: &[Out::same("broadcaster_id")],
    body: &[Out::same("msg_id"), Out::same("msg_text")],
    shape: Body::InDataList,
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static get_banned_events: Spec = Spec {
    params: &[BROADCASTER, USER_ID, AFTER, FIRST],
    rules: &[Range("first", 1, 100)],
    query: &[
        Out::same("broadcaster_id"),
        Out::same("user_id"),
        Out::same("after"),
        Out::same_or("first", "20"),
    ],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static get_banned_users: Spec = Spec {
    params: &[BROADCASTER, USER_ID, AFTER, FIRST, BEFORE],
    rules: &[Range("first", 1, 100)],
    query: &[
        Out::same("broadcaster_id"),
        Out::same("user_id"),
        Out::same_or("first", "20"),
        Out::same("after"),
        Out::same("before"),
    ],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static get_moderator_events: Spec = Spec {
    params: &[BROADCASTER, USER_IDS, AFTER, FIRST],
    rules: &[Count(&["user_ids"], 0, 100), Range("first", 1, 100)],
    query: &[
        Out::same("broadcaster_id"),
        Out::new("user_id", "user_ids", Skip),
        Out::same("after"),
        Out::same_or("first", "20"),
    ],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static get_moderators: Spec = Spec {
    params: &[BROADCASTER, USER_IDS, FIRST, AFTER],
    rules: &[Count(&["user_ids"], 0, 100), Range("first", 1, 100)],
    query: &[
        Out::same("broadcaster_id"),
        Out::new("user_id", "user_ids", Skip),
        Out::same_or("first", "20"),
        Out::same("after"),
    ],
    ..Spec::EMPTY
};
