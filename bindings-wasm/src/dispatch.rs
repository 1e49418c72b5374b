//! Every Helix endpoint by the seed's method name, as a table of plain data
//! built from [`twitchapi_core::for_each_endpoint`].
//!
//! Each entry takes the method, path, token and error mapping of the typed
//! endpoint, and its arguments from [`crate::spec`]: one interpreter reads,
//! checks and sends the arguments of every endpoint, so the only code per
//! endpoint is its error mapping (`map_error`, small, and shared by the
//! endpoints that keep the default). Everything after that (the session, fetch, the
//! answer handed to JavaScript as text) is one code path for all of them,
//! which keeps the .wasm small.

use http::{Method, StatusCode};
use twitchapi_core::helix::{Auth, Endpoint, Helix};
use twitchapi_core::Error;

use crate::spec::{read, spec_of, Spec};

/// A request without `Authorization`, and the token it needs.
pub type Built = (http::Request<Vec<u8>>, Auth);

/// One endpoint of the table.
pub struct Entry {
    /// The seed's method name (`"get_users"`).
    pub name: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The path below the Helix base URL.
    pub path: &'static str,
    /// The token the endpoint usually needs.
    pub auth: Auth,
    /// Its arguments.
    pub spec: &'static Spec,
    /// The endpoint's own meaning of an error status, if any.
    pub map_error: fn(StatusCode, &str) -> Option<Error>,
}

impl std::fmt::Debug for Entry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

/// The arguments as JSON, read once for every endpoint.
fn arguments(params: &str) -> Result<serde_json::Value, Error> {
    serde_json::from_str(params).map_err(|e| Error::invalid(format!("the parameters: {e}")))
}

impl Entry {
    /// Reads the arguments (a JSON object with the seed's parameter names),
    /// checks the seed's rules and builds the request.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] for arguments the endpoint does not take.
    pub fn build(&self, helix: &Helix, params: &str) -> Result<Built, Error> {
        let args = arguments(params)?;
        let parts = read::read(self.name, self.spec, &args)?.parts();
        let request = helix.build_parts(
            self.method.clone(),
            self.path,
            &parts.query,
            parts.body.as_ref(),
        )?;
        Ok((request, read::auth(self.auth.clone(), &parts)))
    }
}

macro_rules! table {
    ($($name:ident => $cat:ident::$ty:ident,)*) => {
        &[$(Entry {
            name: stringify!($name),
            method: <twitchapi_core::helix::$cat::$ty as Endpoint>::METHOD,
            path: <twitchapi_core::helix::$cat::$ty as Endpoint>::PATH,
            auth: <twitchapi_core::helix::$cat::$ty as Endpoint>::AUTH,
            spec: spec_of!($cat, $name),
            map_error: <twitchapi_core::helix::$cat::$ty as Endpoint>::map_error,
        },)*]
    };
}

/// Every endpoint, in the registry's order.
pub static ENDPOINTS: &[Entry] = twitchapi_core::for_each_endpoint!(table);

/// The endpoint of that seed method name.
pub fn find(name: &str) -> Result<&'static Entry, Error> {
    ENDPOINTS
        .iter()
        .find(|entry| entry.name == name)
        .ok_or_else(|| Error::invalid(format!("no Helix method named {name:?}")))
}

/// Every method name, comma-separated (what the JavaScript wrapper turns into
/// camelCase methods).
pub fn names() -> String {
    let names: Vec<&str> = ENDPOINTS.iter().map(|entry| entry.name).collect();
    names.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn helix() -> Helix {
        Helix::new("id")
            .with_base_url("http://127.0.0.1:1/helix")
            .unwrap()
    }

    #[test]
    fn every_registry_name_is_in_the_table_once() {
        macro_rules! names {
            ($($name:ident => $cat:ident::$ty:ident,)*) => { vec![$(stringify!($name)),*] };
        }
        let registry: Vec<&str> = twitchapi_core::for_each_endpoint!(names);
        assert_eq!(names(), registry.join(","));
        for name in registry {
            assert_eq!(find(name).unwrap().name, name);
        }
    }

    #[test]
    fn builds_from_the_seed_parameter_names() {
        let entry = find("get_users").unwrap();
        let (request, auth) = entry
            .build(&helix(), r#"{"logins":["twitchdev","a b"]}"#)
            .unwrap();
        assert_eq!(request.method(), "GET");
        assert_eq!(
            request.uri(),
            "http://127.0.0.1:1/helix/users?login=twitchdev&login=a+b"
        );
        assert!(request.headers().get("authorization").is_none());
        assert!(matches!(auth, Auth::Either(_)));

        let entry = find("create_custom_reward").unwrap();
        let (request, auth) = entry
            .build(
                &helix(),
                r#"{"broadcaster_id":"1","title":"Hydrate","prompt":"","cost":100}"#,
            )
            .unwrap();
        assert_eq!(request.method(), "POST");
        let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
        assert_eq!(body["title"], "Hydrate");
        assert_eq!(body["cost"], 100);
        assert!(!auth.scopes().is_empty());
    }

    #[test]
    fn bad_arguments_are_invalid_arguments() {
        let entry = find("get_users").unwrap();
        for params in [
            r#"{"login":["x"]}"#,
            r#"{"logins":"x"}"#,
            "[1]",
            "not json",
            "",
        ] {
            let result = entry.build(&helix(), params);
            assert!(
                matches!(result, Err(Error::InvalidArgument(_))),
                "{params}: {result:?}"
            );
        }
        let too_many: Vec<String> = (0..101).map(|i| format!("\"u{i}\"")).collect();
        let params = format!(r#"{{"logins":[{}]}}"#, too_many.join(","));
        assert!(matches!(
            entry.build(&helix(), &params),
            Err(Error::InvalidArgument(_))
        ));
        assert!(matches!(find("getUsers"), Err(Error::InvalidArgument(_))));
    }
}
