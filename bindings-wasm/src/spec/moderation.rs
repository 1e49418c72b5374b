//! Moderation.

use super::{Absent::*, Body, Kind::*, Out, Param, Presence::*, Rule::*, Spec};

const BROADCASTER: Param = Param::new("broadcaster_id", Str, Required);
const AFTER: Param = Param::new("after", Str, Optional);
const FIRST: Param = Param::new("first", U32, Optional);
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
    query: &[Out::new("broadcaster_id", "broadcaster_id", Skip)],
    body: &[
        Out::new("msg_id", "msg_id", Skip),
        Out::new("msg_text", "msg_text", Skip),
    ],
    shape: Body::InDataList,
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static get_banned_events: Spec = Spec {
    params: &[BROADCASTER, USER_ID, AFTER, FIRST],
    rules: &[Range("first", 1, 100)],
    query: &[
        Out::new("broadcaster_id", "broadcaster_id", Skip),
        Out::new("user_id", "user_id", Skip),
        Out::new("after", "after", Skip),
        Out::new("first", "first", Is("20")),
    ],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static get_banned_users: Spec = Spec {
    params: &[
        BROADCASTER,
        USER_ID,
        AFTER,
        FIRST,
        Param::new("before", Str, Optional),
    ],
    rules: &[Range("first", 1, 100)],
    query: &[
        Out::new("broadcaster_id", "broadcaster_id", Skip),
        Out::new("user_id", "user_id", Skip),
        Out::new("first", "first", Is("20")),
        Out::new("after", "after", Skip),
        Out::new("before", "before", Skip),
    ],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static get_moderator_events: Spec = Spec {
    params: &[BROADCASTER, USER_IDS, AFTER, FIRST],
    rules: &[Count(&["user_ids"], 0, 100), Range("first", 1, 100)],
    query: &[
        Out::new("broadcaster_id", "broadcaster_id", Skip),
        Out::new("user_id", "user_ids", Skip),
        Out::new("after", "after", Skip),
        Out::new("first", "first", Is("20")),
    ],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static get_moderators: Spec = Spec {
    params: &[BROADCASTER, USER_IDS, FIRST, AFTER],
    rules: &[Count(&["user_ids"], 0, 100), Range("first", 1, 100)],
    query: &[
        Out::new("broadcaster_id", "broadcaster_id", Skip),
        Out::new("user_id", "user_ids", Skip),
        Out::new("first", "first", Is("20")),
        Out::new("after", "after", Skip),
    ],
    ..Spec::EMPTY
};
