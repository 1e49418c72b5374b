//! Entitlements: drops, Bits codes, grants.

use super::{Absent::*, Kind::*, Out, Param, Presence::*, Rule::*, Spec};

#[allow(non_upper_case_globals)]
pub static get_drops_entitlements: Spec = Spec {
    params: &[
        Param::new("id", Str, Optional),
        Param::new("user_id", Str, Optional),
        Param::new("game_id", Str, Optional),
        Param::new("after", Str, Optional),
        Param::new("first", U32, Optional),
    ],
    rules: &[Range("first", 1, 100)],
    query: &[
        Out::new("id", "id", Skip),
        Out::new("user_id", "user_id", Skip),
        Out::new("game_id", "game_id", Skip),
        Out::new("after", "after", Skip),
        Out::new("first", "first", Is("20")),
    ],
    ..Spec::EMPTY
};

const CODES: &[Param] = &[
    Param::new("code", Strs, Optional),
    Param::new("user_id", Id, Required),
];

#[allow(non_upper_case_globals)]
pub static redeem_code: Spec = Spec {
    params: CODES,
    rules: &[Count(&["code"], 1, 20)],
    query: &[
        Out::new("user_id", "user_id", Skip),
        Out::new("code", "code", Skip),
    ],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static get_code_status: Spec = Spec {
    params: CODES,
    rules: &[Count(&["code"], 1, 20)],
    query: &[
        Out::new("code", "code", Skip),
        Out::new("user_id", "user_id", Skip),
    ],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static create_entitlement_grants_upload_url: Spec = Spec {
    params: &[Param::new("manifest_id", Str, Required)],
    rules: &[Chars("manifest_id", 1, 64)],
    query: &[
        Out::new("manifest_id", "manifest_id", Skip),
        Out::fixed("type", "bulk_drops_grant"),
    ],
    ..Spec::EMPTY
};
