//! Entitlements: drops, Bits codes, grants.

use super::prelude::*;

#[allow(non_upper_case_globals)]
pub static get_drops_entitlements: Spec = Spec {
    params: &[
        Param::new("id", Str, Optional),
        Param::new("user_id", Str, Optional),
        Param::new("game_id", Str, Optional),
        AFTER,
        FIRST,
    ],
    rules: &[Range("first", 1, 100)],
    query: &[
        Out::same("id"),
        Out::same("user_id"),
        Out::same("game_id"),
        Out::same("after"),
        Out::same_or("first", "20"),
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
    query: &[Out::same("user_id"), Out::same("code")],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static get_code_status: Spec = Spec {
    params: CODES,
    rules: &[Count(&["code"], 1, 20)],
    query: &[Out::same("code"), Out::same("user_id")],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static create_entitlement_grants_upload_url: Spec = Spec {
    params: &[Param::new("manifest_id", Str, Required)],
    rules: &[Chars("manifest_id", 1, 64)],
    query: &[
        Out::same("manifest_id"),
        Out::fixed("type", "bulk_drops_grant"),
    ],
    ..Spec::EMPTY
};
