//! Users.

use super::prelude::*;

#[allow(non_upper_case_globals)]
pub static get_users: Spec = Spec {
    params: &[
        Param::new("user_ids", Strs, Optional),
        Param::new("logins", Strs, Optional),
    ],
    rules: &[Count(&["user_ids", "logins"], 0, 100)],
    query: &[
        Out::new("id", "user_ids", Skip),
        Out::new("login", "logins", Skip),
    ],
    own_user_unless: &["user_ids", "logins"],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static get_users_follows: Spec = Spec {
    params: &[
        AFTER,
        FIRST,
        Param::new("from_id", Str, Optional),
        Param::new("to_id", Str, Optional),
    ],
    rules: &[
        Range("first", 1, 100),
        AtLeastOne(&["from_id", "to_id"]),
        NotEmpty("from_id"),
        NotEmpty("to_id"),
    ],
    query: &[
        Out::same("from_id"),
        Out::same("to_id"),
        Out::same_or("first", "20"),
        Out::same("after"),
    ],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static update_user: Spec = Spec {
    params: &[Param::new("description", Str, Required)],
    rules: &[Chars("description", 0, 300)],
    query: &[Out::same("description")],
    ..Spec::EMPTY
};

const FOLLOW: &[Param] = &[
    Param::new("from_id", Str, Required),
    Param::new("to_id", Str, Required),
];

#[allow(non_upper_case_globals)]
pub static create_user_follows: Spec = Spec {
    params: &[
        FOLLOW[0],
        FOLLOW[1],
        Param::new("allow_notifications", Bool, Optional),
    ],
    rules: &[NotEmpty("from_id"), NotEmpty("to_id")],
    body: &[
        Out::same("from_id"),
        Out::same("to_id"),
        Out::same_or("allow_notifications", "false"),
    ],
    shape: Body::Object,
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static delete_user_follows: Spec = Spec {
    params: FOLLOW,
    rules: &[NotEmpty("from_id"), NotEmpty("to_id")],
    query: &[Out::same("from_id"), Out::same("to_id")],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static get_user_extensions: Spec = Spec::EMPTY;

#[allow(non_upper_case_globals)]
pub static get_user_active_extensions: Spec = Spec {
    params: &[Param::new("user_id", Str, Optional)],
    query: &[Out::same("user_id")],
    own_user_unless: &["user_id"],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static update_user_extensions: Spec = Spec {
    params: &[Param::new("data", Json, Required)],
    rules: &[Object("data")],
    body: &[Out::same("data")],
    shape: Body::Object,
    ..Spec::EMPTY
};
