//! [`Config`]: the builder a build script uses.

use crate::descriptions::Descriptions;
use crate::error::Error;
use crate::method_data::MethodData;
use std::path::{Path, PathBuf};
use tl_parser::{Definition, Schema};

type Filter = Box<dyn Fn(&Definition) -> bool>;

/// Settings for generating bindings, in the style of `prost_build::Config`.
///
/// ```no_run
/// // in build.rs's main:
/// tl_codegen::Config::new()
///     .compile(&["schema/my_protocol.tl"], "my_protocol")
///     .unwrap();
/// ```
///
/// and in the crate, `include!(concat!(env!("OUT_DIR"), "/my_protocol.rs"));`
/// inside a module of its own.
pub struct Config {
    runtime: String,
    include: Option<Filter>,
    methods: Result<MethodData, Error>,
    rpc_error_kind: Option<String>,
    max_enum_size: Option<usize>,
    serde: SerdeSupport,
    object_bindings: Option<String>,
    id_rule: Option<tl_parser::IdRule>,
    descriptions: Option<PathBuf>,
    doc_examples: Option<String>,
    borrowed: bool,
}

/// Whether the generated items get TL-JSON impls (`ToTlJson`, `FromTlJson`
/// and serde's `Serialize`/`Deserialize` through them). They need the
/// runtime's `serde` feature.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SerdeSupport {
    /// No TL-JSON impls.
    #[default]
    None,
    /// TL-JSON impls, always compiled.
    Always,
    /// TL-JSON impls behind `#[cfg(feature = "...")]` of the crate that
    /// includes the generated code.
    Feature(String),
}

impl Default for Config {
    fn default() -> Config {
        Config::new()
    }
}

impl Config {
    /// Defaults: the runtime is the `tl_types` crate, every definition is
    /// generated, no method data.
    pub fn new() -> Config {
        Config {
            runtime: "::tl_types".to_owned(),
            include: None,
            methods: Ok(MethodData::default()),
            rpc_error_kind: None,
            max_enum_size: None,
            serde: SerdeSupport::None,
            object_bindings: None,
            id_rule: None,
            descriptions: None,
            doc_examples: None,
            borrowed: false,
        }
    }

    /// Computes the ids that schema files leave out by `rule`, instead of the
    /// rule each file implies ([`tl_parser::IdRule::detect`]), for
    /// [`Config::generate_files`] and [`Config::compile`].
    pub fn id_rule(&mut self, rule: tl_parser::IdRule) -> &mut Config {
        self.id_rule = Some(rule);
        self
    }

    /// Generates borrowed bindings: a `string` is a `Cow<'a, str>` and a
    /// `bytes` a `Cow<'a, [u8]>`, a vector a `tl_types::CowVec<'a, T>`, a
    /// box (an enum's large variant, a value of any type) a
    /// `tl_types::CowBox<'a, T>`, an open `Object` a
    /// `RawObject<Cow<'a, [u8]>>`, and every type that holds one, directly
    /// or not, takes the lifetime `'a` (`types::Message<'a>`).
    ///
    /// Such values decode without copying their strings and bytes
    /// (`tl_types::BorrowDecode`, reading from a `&'a [u8]`): a file part
    /// is read in place, and a page of message history takes about four
    /// fifths of the owned decoder's time, with half its allocations
    /// (`BENCHMARKS.md`). Read into an arena (`borrow_from_bytes_in`,
    /// `tl_types` feature `arena`), their vectors and boxes are slices and
    /// references into it and a value allocates nothing. `into_owned`
    /// (`tl_types::IntoOwned`) gives a value of the same type with the
    /// lifetime `'static`, which is also what `tl_types::Decode` and every
    /// function's `RemoteCall::Return` give. Requests are built as before,
    /// from `&str`s or `String`s and `Vec`s (`new` takes anything that
    /// converts into a `Cow` or a `CowVec`).
    ///
    /// Off by default: owned bindings, with `String` and `Vec<u8>`, have
    /// types without lifetimes. Borrowed bindings have no TL-JSON impls yet,
    /// so this cannot be combined with [`Config::serde`].
    pub fn borrowed(&mut self, borrowed: bool) -> &mut Config {
        self.borrowed = borrowed;
        self
    }

    /// Generates TL-JSON impls for every item: see [`SerdeSupport`].
    pub fn serde(&mut self, support: SerdeSupport) -> &mut Config {
        self.serde = support;
        self
    }

    /// Names the bindings whose objects a field of the open type `Object`
    /// may hold, for its TL-JSON: the path of a
    /// `&[tl_types::json::ObjectBindings]` constant, tried in order. By
    /// default an `Object` field's TL-JSON reads the generated bindings' own
    /// objects alone; bindings that carry another schema's objects (an
    /// MTProto `rpc_result` carrying API answers) list both.
    pub fn object_bindings(&mut self, path: &str) -> &mut Config {
        self.object_bindings = Some(path.to_owned());
        self
    }

    /// Makes the generated code check, at compile time, that no enum is
    /// larger than `bytes`: a `const` assertion after each enum.
    pub fn max_enum_size(&mut self, bytes: usize) -> &mut Config {
        self.max_enum_size = Some(bytes);
        self
    }

    /// The path of the runtime crate the generated code uses (`::tl_types` by
    /// default; `crate` for code generated into the runtime crate itself, or
    /// the path of a re-export).
    pub fn runtime_crate(&mut self, path: &str) -> &mut Config {
        self.runtime = path.to_owned();
        self
    }

    /// Generates only the definitions `filter` accepts, and every
    /// constructor of every type they use, transitively: name the functions
    /// you call and get their requests, answers and all they contain.
    pub fn include(&mut self, filter: impl Fn(&Definition) -> bool + 'static) -> &mut Config {
        self.include = Some(Box::new(filter));
        self
    }

    /// Generates only the functions named by `patterns`, each a full TL name
    /// (`messages.sendMessage`) or a namespace followed by `.*` (`auth.*`),
    /// with every type they need ([`Config::include`]).
    ///
    /// ```
    /// let schema = tl_parser::parse(
    ///     "ok = Ok;\nunused = Unused;\n---functions---\nauth.logOut = Ok;\nping = Ok;",
    /// )
    /// .unwrap();
    /// let source = tl_codegen::Config::new()
    ///     .functions(&["auth.*"])
    ///     .generate(&[schema])
    ///     .unwrap();
    /// assert!(source.contains("pub struct LogOut"));
    /// assert!(source.contains("pub struct Ok"));
    /// assert!(!source.contains("pub struct Ping"));
    /// assert!(!source.contains("pub struct Unused"));
    /// ```
    pub fn functions(&mut self, patterns: &[&str]) -> &mut Config {
        let patterns: Vec<String> = patterns.iter().map(|p| (*p).to_owned()).collect();
        self.include(move |d| {
            d.category == tl_parser::Category::Function && {
                let name = d.full_name();
                patterns
                    .iter()
                    .any(|pattern| match pattern.strip_suffix(".*") {
                        Some(namespace) => name
                            .strip_prefix(namespace)
                            .is_some_and(|rest| rest.starts_with('.')),
                        None => *pattern == name,
                    })
            }
        })
    }

    /// Documents functions with who may call them and their known errors,
    /// from `method,usability,errors` and `name,codes` CSV text, and gives
    /// each function the constants `USABILITY` and `ERRORS`. A line that
    /// does not fit is an [`Error::MethodData`] when generating.
    pub fn method_data(&mut self, methods_csv: &str, errors_csv: &str) -> &mut Config {
        self.methods = MethodData::from_csv(methods_csv, errors_csv);
        self
    }

    /// Reads descriptions of constructors, functions, parameters, types and
    /// errors from `path` when generating, for the docs: the
    /// `tl/api-schema.json` of the npm package `@mtcute/core` (0.31.0).
    /// Without it, the docs hold what the schema's own doc comments say
    /// (TDLib's `//@description`), and nothing where they say nothing. A
    /// file that cannot be read as one is an [`Error::Descriptions`] naming
    /// it; entries for names the schema lacks are left out.
    pub fn descriptions(&mut self, path: impl AsRef<Path>) -> &mut Config {
        self.descriptions = Some(path.as_ref().to_owned());
        self
    }

    /// Puts an example into each function's docs: code that builds the
    /// request, encodes it and decodes the answer, compiled and checked as
    /// a doctest. `bindings_path` is where code outside the crate reaches
    /// the generated bindings (`tl_types::api`); the examples reach the
    /// runtime at [`Config::runtime_crate`], or, where that is `crate`, at
    /// the first segment of `bindings_path`.
    pub fn doc_examples(&mut self, bindings_path: &str) -> &mut Config {
        self.doc_examples = Some(bindings_path.to_owned());
        self
    }

    /// The path of the `RpcErrorKind` that [`Config::generate_rpc_errors`]
    /// made from the same method data (`crate::RpcErrorKind`), for the
    /// functions' docs to link each error to its variant.
    pub fn rpc_error_kind(&mut self, path: &str) -> &mut Config {
        self.rpc_error_kind = Some(path.to_owned());
        self
    }

    /// The enum `RpcErrorKind` of the errors the method data name
    /// ([`Config::method_data`]), formatted: one variant per error
    /// (`FLOOD_WAIT_X` is `FloodWait(i32)`), read from a message with
    /// `RpcErrorKind::parse` and written back to it by `Display`.
    pub fn generate_rpc_errors(&self) -> Result<String, Error> {
        let methods = self.methods()?;
        let plan = crate::rpc_errors::ErrorPlan::new(methods);
        let runtime = rust_path("runtime_crate", &self.runtime)?;
        crate::format::format_with_header(
            crate::emit::rpc_errors::file(&plan, &runtime),
            crate::format::ERRORS_HEADER,
        )
    }

    fn methods(&self) -> Result<&MethodData, Error> {
        self.methods.as_ref().map_err(|error| match error {
            Error::MethodData {
                file,
                line,
                message,
            } => Error::MethodData {
                file,
                line: *line,
                message: message.clone(),
            },
            other => Error::InvalidOutput(other.to_string()),
        })
    }

    /// Generates formatted Rust source from parsed schemas used together.
    /// Schemas the checker finds errors in are refused: code generated from
    /// them would be wrong.
    pub fn generate(&self, schemas: &[Schema]) -> Result<String, Error> {
        let refs: Vec<&Schema> = schemas.iter().collect();
        let errors: Vec<String> = check_errors(&refs)
            .into_iter()
            .map(|d| {
                format!(
                    "error: {} (schema {}, line {}, column {})",
                    d.message,
                    d.source + 1,
                    d.span.line,
                    d.span.column
                )
            })
            .collect();
        if !errors.is_empty() {
            return Err(Error::Check {
                rendered: errors.join("\n"),
            });
        }
        self.generate_checked(schemas)
    }

    fn generate_checked(&self, schemas: &[Schema]) -> Result<String, Error> {
        let include = |d: &Definition| self.include.as_ref().is_none_or(|f| f(d));
        if self.borrowed && self.serde != SerdeSupport::None {
            return Err(Error::IncompatibleSettings {
                settings: ["borrowed", "serde"],
                reason: "borrowed bindings have no TL-JSON impls yet",
            });
        }
        let mut plan = crate::plan::build(schemas, &include)?;
        if self.borrowed {
            crate::lifetimes::decide(&mut plan);
        }
        let methods = self.methods()?;
        let descriptions = self.read_descriptions(schemas)?;
        let bindings_path = self.doc_examples.as_deref().unwrap_or("crate");
        rust_path("doc_examples", bindings_path)?;
        let runtime_path = match self.runtime.trim_start_matches("::") {
            "crate" | "self" | "super" => bindings_path
                .split("::")
                .find(|s| !s.is_empty())
                .unwrap_or("crate"),
            runtime => runtime,
        };
        let reference = crate::reference::Reference::of_plan(
            &plan,
            &crate::reference::ReferenceOptions {
                methods,
                descriptions: &descriptions,
                bindings_path,
                runtime_path,
            },
        );
        let options = crate::emit::Options {
            runtime: rust_path("runtime_crate", &self.runtime)?,
            object_bindings: self
                .object_bindings
                .as_deref()
                .map(|path| rust_path("object_bindings", path))
                .transpose()?,
            methods,
            rpc_error_kind: self.rpc_error_kind.clone(),
            max_enum_size: self.max_enum_size,
            serde: self.serde.clone(),
            reference: &reference,
            descriptions: &descriptions,
            examples: self.doc_examples.is_some(),
        };
        crate::format::format(crate::emit::file(&plan, &options))
    }

    /// The descriptions the docs show: the file [`Config::descriptions`]
    /// names, with the schemas' own doc comments where it says nothing.
    fn read_descriptions(&self, schemas: &[Schema]) -> Result<Descriptions, Error> {
        let own = Descriptions::from_schema_docs(schemas);
        Ok(match &self.descriptions {
            Some(path) => Descriptions::from_mtcute_file(path)?.or(own),
            None => own,
        })
    }

    /// Reads, parses, checks and generates from schema files.
    pub fn generate_files(&self, paths: &[impl AsRef<Path>]) -> Result<String, Error> {
        let sources = paths
            .iter()
            .map(|path| read_schema(path.as_ref(), self.id_rule))
            .collect::<Result<Vec<_>, _>>()?;
        let schemas: Vec<&Schema> = sources.iter().map(|(_, _, s)| s).collect();
        let errors = check_errors(&schemas);
        if !errors.is_empty() {
            let texts: Vec<tl_parser::SourceText<'_>> = sources
                .iter()
                .map(|(name, text, _)| tl_parser::SourceText { name, text })
                .collect();
            return Err(Error::Check {
                rendered: tl_parser::render(&errors, &texts),
            });
        }
        let result = {
            let schemas: Vec<Schema> = sources.iter().map(|(_, _, s)| s.clone()).collect();
            self.generate_checked(&schemas)
        };
        result.map_err(|error| match error.diagnostic() {
            Some((diagnostic, _)) => {
                let texts: Vec<tl_parser::SourceText<'_>> = sources
                    .iter()
                    .map(|(name, text, _)| tl_parser::SourceText { name, text })
                    .collect();
                Error::Rendered {
                    rendered: tl_parser::render(&[diagnostic], &texts),
                }
            }
            None => error,
        })
    }

    /// What the generator finds it cannot express in schemas the checker
    /// passes, as diagnostics at their definitions (each with the index of
    /// its schema): the generator's part of `tl check`. Empty when
    /// generation would succeed.
    pub fn diagnostics(&self, schemas: &[Schema]) -> Vec<tl_parser::Diagnostic> {
        let include = |d: &Definition| self.include.as_ref().is_none_or(|f| f(d));
        match crate::plan::build(schemas, &include) {
            Ok(_) => Vec::new(),
            Err(error) => error.diagnostic().map(|(d, _)| d).into_iter().collect(),
        }
    }

    /// For build scripts: generates from schema files into
    /// `$OUT_DIR/{module}.rs` and tells cargo to run the build script again
    /// when any of the files changes.
    pub fn compile(&self, paths: &[impl AsRef<Path>], module: &str) -> Result<(), Error> {
        for path in paths {
            println!("cargo:rerun-if-changed={}", path.as_ref().display());
        }
        let out_dir = std::env::var_os("OUT_DIR")
            .map(PathBuf::from)
            .ok_or_else(|| Error::Io {
                path: PathBuf::from("$OUT_DIR"),
                source: std::io::Error::other(
                    "OUT_DIR is not set: call compile from a build script",
                ),
            })?;
        let source = self.generate_files(paths)?;
        let target = out_dir.join(format!("{module}.rs"));
        std::fs::write(&target, source).map_err(|source| Error::Io {
            path: target,
            source,
        })
    }
}

/// A schema file's display name, text and model.
fn read_schema(
    path: &Path,
    id_rule: Option<tl_parser::IdRule>,
) -> Result<(String, String, Schema), Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    let name = path.display().to_string();
    let parsed = match id_rule {
        Some(rule) => tl_parser::parse_with_id_rule(&text, rule),
        None => tl_parser::parse(&text),
    };
    match parsed {
        Ok(schema) => Ok((name, text, schema)),
        Err(error) => Err(Error::Parse {
            path: path.to_owned(),
            rendered: tl_parser::render(
                &[error.to_diagnostic()],
                &[tl_parser::SourceText {
                    name: &name,
                    text: &text,
                }],
            ),
        }),
    }
}

/// The checker's errors (its warnings do not stop generation) for schemas
/// used together.
fn check_errors(schemas: &[&Schema]) -> Vec<tl_parser::Diagnostic> {
    tl_parser::check(schemas)
        .into_iter()
        .filter(|d| d.severity == tl_parser::Severity::Error)
        .collect()
}

/// `path`, given to the setting `setting`, as tokens, if it is a Rust path.
fn rust_path(setting: &'static str, path: &str) -> Result<proc_macro2::TokenStream, Error> {
    let invalid = || Error::InvalidPath {
        setting,
        path: path.to_owned(),
    };
    let parsed: syn::Path = syn::parse_str(path).map_err(|_| invalid())?;
    Ok(quote::ToTokens::to_token_stream(&parsed))
}
