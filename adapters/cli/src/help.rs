//! The method list shown by `--help`.

use twitchapi_core::helix::Endpoint;

/// "Methods:" followed by every method and its parameters.
pub fn methods() -> String {
    let mut out =
        String::from("Methods (call <method> '<ARGS_JSON>'; keys are the parameters below):\n");
    macro_rules! list {
        ($($name:ident => $cat:ident::$ty:ident,)*) => {
            $(
                let params = <twitchapi_core::helix::$cat::$ty as Endpoint>::PARAMS;
                out.push_str(&format!("  {}\n", stringify!($name)));
                if params.is_empty() {
                    out.push_str("      (no parameters)\n");
                }
                for param in params {
                    out.push_str(&format!("      {param}\n"));
                }
            )*
        };
    }
    twitchapi_core::for_each_endpoint!(list);
    out
}

/// Every method name.
pub fn method_names() -> Vec<&'static str> {
    let mut names = Vec::new();
    macro_rules! list {
        ($($name:ident => $cat:ident::$ty:ident,)*) => {
            $( names.push(stringify!($name)); )*
        };
    }
    twitchapi_core::for_each_endpoint!(list);
    names
}
