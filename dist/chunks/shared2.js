import { statSync, openSync, fstatSync, closeSync, readSync, realpathSync, readFileSync, readdirSync } from 'node:fs';
import * as zlib from 'node:zlib';
import * as path from 'node:path';
import { createRequire } from 'module';
import { createHash } from 'node:crypto';

/** Per-example arrays travel in results.json as base64 of little-endian float64: compact and exact. */
function encodeFloat64(values) {
    const bytes = new Uint8Array(values.length * 8);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < values.length; i++)
        view.setFloat64(i * 8, values[i], true);
    return Buffer.from(bytes).toString('base64');
}
function decodeFloat64(text) {
    const bytes = Buffer.from(text, 'base64');
    if (bytes.length % 8 !== 0)
        throw new Error('per-example data is not a whole number of float64 values');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    const out = new Float64Array(bytes.length / 8);
    for (let i = 0; i < out.length; i++)
        out[i] = view.getFloat64(i * 8, true);
    return out;
}
/** JSON has no NaN or ±∞: results and comparisons carry null for a number that is not finite. */
function finiteOrNull(v) {
    return v === null || v === undefined || !Number.isFinite(v) ? null : v;
}
/** A confidence interval as results and comparisons store it: non-finite bounds become null. */
function jsonInterval(ci) {
    return { level: ci.level, low: finiteOrNull(ci.low), high: finiteOrNull(ci.high) };
}

function getEnumValues(entries) {
    const numericValues = Object.values(entries).filter((v) => typeof v === "number");
    const values = Object.entries(entries)
        .filter(([k, _]) => numericValues.indexOf(+k) === -1)
        .map(([_, v]) => v);
    return values;
}
function joinValues(array, separator = "|") {
    return array.map((val) => stringifyPrimitive(val)).join(separator);
}
function jsonStringifyReplacer(_, value) {
    if (typeof value === "bigint")
        return value.toString();
    return value;
}
// the accessor lives on a shared prototype: an own accessor makes every box a dictionary-mode object (~360 B and a slow load per read against ~100 B and an inlined getter here)
class Cached {
    constructor(getter) {
        this._getter = getter;
        this._value = undefined;
    }
    get value() {
        const getter = this._getter;
        if (getter !== undefined) {
            this._value = getter();
            this._getter = undefined;
        }
        return this._value;
    }
}
function cached(getter) {
    return new Cached(getter);
}
function nullish(input) {
    return input === null || input === undefined;
}
function cleanRegex(source) {
    const start = source.startsWith("^") ? 1 : 0;
    const end = source.endsWith("$") ? source.length - 1 : source.length;
    return source.slice(start, end);
}
function floatSafeRemainder(val, step) {
    const ratio = val / step;
    const roundedRatio = Math.round(ratio);
    // `val` and `step` each round to a double before the division rounds again, so a true decimal multiple's quotient can sit up to 1.5 of these scaled epsilons from the integer. A 1x tolerance therefore rejected 2.03 as a multiple of 0.07; 4x covers the worst case with margin.
    const tolerance = 4 * Number.EPSILON * Math.max(Math.abs(ratio), 1);
    if (Math.abs(ratio - roundedRatio) < tolerance)
        return 0;
    return ratio - roundedRatio;
}
function assignProp(target, prop, value) {
    Object.defineProperty(target, prop, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
    });
}
/**
 * Whichever object a def's `shape` currently answers from: the one the caller passed until the first read, the frozen copy after it.
 *
 * Its keys and descriptors read without invoking anything, which is what lets a discriminated union check its discriminator, and the cycle walk read a shape, without resolving a getter that references the schema being constructed. A def that answers `shape` from an accessor of its own has none.
 */
function rawShape(def) {
    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    return desc?.get ? desc.get.raw : desc?.value;
}
// where a builder reads its source's keys and descriptors, resolving only a shape a def answers for itself. A shape resolves by object spread, so only its enumerable keys are ever part of it.
function sourceShape(schema) {
    return rawShape(schema._zod.def) ?? schema._zod.def.shape;
}
// a key whose value is not settled yet, self-caching so every read after the first gets the same one
function deferProp(target, key, getter) {
    Object.defineProperty(target, key, {
        get() {
            const value = getter();
            assignProp(this, key, value);
            return value;
        },
        enumerable: true,
        configurable: true,
    });
}
// Writes a settled key. A plain assignment is much cheaper than `defineProperty` and produces the same descriptor, but it runs whatever setter already answers to the key — an accessor this shape deferred, or an inherited one, which `__proto__` has on every object and prototype pollution can add for any name.
function putProp(target, key, value) {
    if (key in target)
        assignProp(target, key, value);
    else
        target[key] = value;
}
/**
 * Copies `keys` of `source`'s shape onto `target`, each value passed through `wrap`.
 *
 * A key the source has resolved is copied through now, so the derived shape states it outright and nothing has to resolve it to learn what it holds. A key the source still defers stays deferred, and reads back through the source's own `shape`, so it resolves once and both shapes get that one schema.
 */
function mirrorShape(target, source, keys, wrap) {
    const raw = sourceShape(source);
    for (const key of keys) {
        const desc = Object.getOwnPropertyDescriptor(raw, key);
        if (!desc.enumerable)
            continue;
        if (desc.get) {
            deferProp(target, key, () => {
                const value = source._zod.def.shape[key];
                return wrap ? wrap(value, key) : value;
            });
        }
        else
            putProp(target, key, wrap ? wrap(desc.value, key) : desc.value);
    }
}
// same, for a plain shape a caller passed rather than a schema's
function mirrorProps(target, source) {
    for (const key of Reflect.ownKeys(source)) {
        const desc = Object.getOwnPropertyDescriptor(source, key);
        if (!desc.enumerable)
            continue;
        if (desc.get)
            deferProp(target, key, () => source[key]);
        else
            putProp(target, key, desc.value);
    }
}
function mergeDefs(...defs) {
    const mergedDescriptors = {};
    for (const def of defs) {
        const descriptors = Object.getOwnPropertyDescriptors(def);
        Object.assign(mergedDescriptors, descriptors);
    }
    return Object.defineProperties({}, mergedDescriptors);
}
function esc(str) {
    return JSON.stringify(str);
}
function slugify(input) {
    return input
        .toLowerCase()
        .trim()
        .replace(/[^\w\s-]/g, "")
        .replace(/[\s_-]+/g, "-")
        .replace(/^-+|-+$/g, "");
}
const captureStackTrace = ("captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => { });
function isObject(data) {
    return typeof data === "object" && data !== null && !Array.isArray(data);
}
const allowsEval = /* @__PURE__*/ cached(() => {
    // Skip the probe under `jitless`: strict CSPs report the caught `new Function` as a `securitypolicyviolation` even though the throw is swallowed.
    if (globalConfig.jitless) {
        return false;
    }
    // @ts-ignore
    if (typeof navigator !== "undefined" && navigator?.userAgent?.includes("Cloudflare")) {
        return false;
    }
    try {
        const F = Function;
        new F("");
        return true;
    }
    catch (_) {
        return false;
    }
});
function isPlainObject(o) {
    if (isObject(o) === false)
        return false;
    // modified constructor
    const ctor = o.constructor;
    if (ctor === undefined)
        return true;
    if (typeof ctor !== "function")
        return true;
    // modified prototype
    const prot = ctor.prototype;
    if (isObject(prot) === false)
        return false;
    // ctor doesn't have static `isPrototypeOf`
    if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) {
        return false;
    }
    return true;
}
function shallowClone(o) {
    if (isPlainObject(o))
        return { ...o };
    if (Array.isArray(o))
        return [...o];
    if (o instanceof Map)
        return new Map(o);
    if (o instanceof Set)
        return new Set(o);
    return o;
}
const propertyKeyTypes = /* @__PURE__*/ new Set(["string", "number", "symbol"]);
function escapeRegex(str) {
    return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
// zod-specific utils
function clone(inst, def, params) {
    const cl = new inst._zod.constr(def ?? inst._zod.def);
    if (!def || params?.parent)
        cl._zod.parent = inst;
    return cl;
}
function normalizeParams(_params) {
    const params = _params;
    if (!params)
        return {};
    if (typeof params === "string")
        return { error: () => params };
    if (params?.message !== undefined) {
        if (params?.error !== undefined)
            throw new Error("Cannot specify both `message` and `error` params");
        params.error = params.message;
    }
    delete params.message;
    if (typeof params.error === "string")
        return { ...params, error: () => params.error };
    return params;
}
function stringifyPrimitive(value) {
    if (typeof value === "bigint")
        return value.toString() + "n";
    if (typeof value === "string")
        return `"${value}"`;
    return `${value}`;
}
function optionalKeys(shape) {
    return Object.keys(shape).filter((k) => {
        return shape[k]._zod.optin !== undefined && shape[k]._zod.optout === "optional";
    });
}

const NUMBER_FORMAT_RANGES = /*@__PURE__*/ (() => ({
    safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    int32: [-2147483648, 2147483647],
    uint32: [0, 4294967295],
    float32: [-34028234663852886e22, 3.4028234663852886e38],
    float64: [-Number.MAX_VALUE, Number.MAX_VALUE],
}))();
const BIGINT_FORMAT_RANGES = {
    int64: [/* @__PURE__*/ BigInt("-9223372036854775808"), /* @__PURE__*/ BigInt("9223372036854775807")],
    uint64: [/* @__PURE__*/ BigInt(0), /* @__PURE__*/ BigInt("18446744073709551615")],
};
function pick(schema, mask) {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(".pick() cannot be used on object schemas containing refinements");
    }
    const newShape = {};
    mirrorShape(newShape, schema, maskedKeys(schema, mask));
    return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
// the mask keys that select something, checked against the source's shape without resolving it
function maskedKeys(schema, mask) {
    const raw = sourceShape(schema);
    const keys = [];
    // `for...in` skips symbols, so a symbol in the mask would select nothing
    for (const key of Reflect.ownKeys(mask)) {
        if (!Object.getOwnPropertyDescriptor(raw, key)?.enumerable) {
            throw new Error(`Unrecognized key: "${String(key)}"`);
        }
        if (mask[key])
            keys.push(key);
    }
    return keys;
}
function omit(schema, mask) {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(".omit() cannot be used on object schemas containing refinements");
    }
    const omitted = new Set(maskedKeys(schema, mask));
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)).filter((key) => !omitted.has(key)));
    return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
}
function extend(schema, shape) {
    if (!isPlainObject(shape)) {
        throw new Error("Invalid input to extend: expected a plain object");
    }
    const checks = schema._zod.def.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        // Only throw if new shape overlaps with existing shape. Use getOwnPropertyDescriptor to check key existence without accessing values
        const existingShape = sourceShape(schema);
        for (const key of Reflect.ownKeys(shape)) {
            if (Object.getOwnPropertyDescriptor(existingShape, key) !== undefined) {
                throw new Error("Cannot overwrite keys on object schemas containing refinements. Use `.safeExtend()` instead.");
            }
        }
    }
    return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
// the source's keys, then the caller's overlaid on top
function extended(schema, shape) {
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)));
    mirrorProps(newShape, shape);
    return newShape;
}
function safeExtend(schema, shape) {
    if (!isPlainObject(shape)) {
        throw new Error("Invalid input to safeExtend: expected a plain object");
    }
    return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
}
function merge(a, b) {
    if (!b?._zod?.def) {
        throw new Error("Invalid input to merge: expected an object schema. To merge a plain shape, use `.extend()`.");
    }
    if (a._zod.def.checks?.length) {
        throw new Error(".merge() cannot be used on object schemas containing refinements. Use .safeExtend() instead.");
    }
    const newShape = {};
    mirrorShape(newShape, a, Reflect.ownKeys(sourceShape(a)));
    mirrorShape(newShape, b, Reflect.ownKeys(sourceShape(b)));
    const def = mergeDefs(a._zod.def, {
        shape: newShape,
        get catchall() {
            return b._zod.def.catchall;
        },
        checks: b._zod.def.checks ?? [],
    });
    return clone(a, def);
}
function partial(Class, schema, mask, name = "partial") {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
        throw new Error(`.${name}() cannot be used on object schemas containing refinements`);
    }
    const selected = mask ? new Set(maskedKeys(schema, mask)) : undefined;
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), Class &&
        ((value, key) => (selected && !selected.has(key) ? value : new Class({ type: "optional", innerType: value }))));
    return clone(schema, mergeDefs(schema._zod.def, { shape: newShape, checks: [] }));
}
function required(Class, schema, mask) {
    const selected = mask ? new Set(maskedKeys(schema, mask)) : undefined;
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), (value, key) => 
    // overwrite with non-optional
    selected && !selected.has(key) ? value : new Class({ type: "nonoptional", innerType: value }));
    return clone(schema, mergeDefs(schema._zod.def, { shape: newShape }));
}
// invalid_type | too_big | too_small | invalid_format | not_multiple_of | unrecognized_keys | invalid_union | invalid_key | invalid_element | invalid_value | custom
function aborted(x, startIndex = 0) {
    if (x.aborted === true)
        return true;
    for (let i = startIndex; i < x.issues.length; i++) {
        if (x.issues[i]?.continue !== true) {
            return true;
        }
    }
    return false;
}
// Checks for explicit abort (continue === false), as opposed to implicit abort (continue === undefined). Used to respect `abort: true` in .refine() even for checks that have a `when` function.
function explicitlyAborted(x, startIndex = 0) {
    if (x.aborted === true)
        return true;
    for (let i = startIndex; i < x.issues.length; i++) {
        if (x.issues[i]?.continue === false) {
            return true;
        }
    }
    return false;
}
function prefixIssues(path, issues) {
    return issues.map((iss) => {
        var _a;
        (_a = iss).path ?? (_a.path = []);
        iss.path.unshift(path);
        return iss;
    });
}
function unwrapMessage(message) {
    return typeof message === "string" ? message : message?.message;
}
/* A check holds no link back to the schema it is attached to — the same check instance is shared by every clone of that schema — so the owner is stamped onto the issues a check just raised, at the only point where both are in scope. Runs on the failure path only; `start` is the issue count from before the check ran. */
/** The leading size checks of `defChecks` that set an upper bound, each paired with it. */
function sizeCaps(defChecks) {
    const caps = [];
    for (const ch of defChecks ?? []) {
        const d = ch._zod.def;
        // a later check may rewrite the value
        if (!/_(length|size)$|_equals$/.test(d.check))
            break;
        const max = d.maximum ?? d.length ?? d.size;
        if (max >= 0)
            caps.push([max, ch]);
    }
    return caps;
}
function attachSchema(issues, start, inst) {
    var _a;
    for (let i = start; i < issues.length; i++) {
        (_a = issues[i]).schema ?? (_a.schema = inst);
    }
}
function finalizeIssue(iss, ctx, config) {
    var _a;
    // A schema that raised an issue itself owns it outright, and outranks any stamp an enclosing check left in `attachSchema`. String formats and z.custom() are schema and check at once, so when they act as a check they defer to that stamp instead.
    const traits = iss.inst?._zod?.traits;
    if (traits?.has("$ZodType")) {
        if (traits.has("$ZodCheck"))
            (_a = iss).schema ?? (_a.schema = iss.inst);
        else
            iss.schema = iss.inst;
    }
    // Decreasing specificity, first map to return a message wins. `inst` is whatever raised the issue, so a check's own map outranks the owning schema's.
    const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : undefined;
    const message = iss.message
        ? iss.message
        : (unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ??
            unwrapMessage(schemaError?.(iss)) ??
            unwrapMessage(ctx?.error?.(iss)) ??
            unwrapMessage(config.customError?.(iss)) ??
            unwrapMessage(config.localeError?.(iss)) ??
            "Invalid input");
    // an explicit own-key copy beats object rest with excluded keys, which v8 routes through a generic runtime call; Object.keys rather than for-in so an issue pushed with a prototype does not leak inherited keys, and an own __proto__ key is dropped rather than assigned through the setter
    const full = {};
    for (const k of Object.keys(iss)) {
        if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
            continue;
        full[k] = iss[k];
    }
    full.path ?? (full.path = []);
    full.message = message;
    if (ctx?.reportInput) {
        full.input = iss.input;
    }
    return full;
}
const highSurrogate = /[\uD800-\uDBFF]/;
// Code points in `str`: a surrogate pair counts once, a lone surrogate as itself. Hand-rolled because the string iterator allocates and runs ~250x slower on this path; the regex probe exits ~50x quicker for a string with no astral characters.
function codePointLength(str) {
    const units = str.length;
    if (!highSurrogate.test(str))
        return units;
    let count = units;
    for (let i = 0; i < units - 1; i++) {
        if ((str.charCodeAt(i) & 0xfc00) === 0xd800 && (str.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
            count--;
            i++;
        }
    }
    return count;
}
function getLengthableOrigin(input) {
    if (Array.isArray(input))
        return "array";
    if (typeof input === "string")
        return "string";
    return "unknown";
}
function parsedType(data) {
    const t = typeof data;
    switch (t) {
        case "number": {
            return Number.isNaN(data) ? "nan" : "number";
        }
        case "object": {
            if (data === null) {
                return "null";
            }
            if (Array.isArray(data)) {
                return "array";
            }
            const obj = data;
            if (obj && Object.getPrototypeOf(obj) !== Object.prototype && "constructor" in obj && obj.constructor) {
                return obj.constructor.name;
            }
        }
    }
    return t;
}
function issue(...args) {
    const [iss, input, inst] = args;
    if (typeof iss === "string") {
        return {
            message: iss,
            code: "custom",
            input,
            inst,
        };
    }
    return { ...iss };
}
//////////    PROTOTYPE INSTALLERS     //////////
//
// Members live on the prototype and materialize per instance on first read, which keeps own-property count under the step where V8 stops using inline slots. Changing anything here means re-measuring runtime, memory and bundle size together — see "The three axes" in AGENTS.md.
/**
 * Installs a trait's members on its prototype. Each value builds that member for the instance on first read; the built value shadows the accessor as an own property, so a detached `const { parse } = schema` keeps working.
 *
 * Call this from a `proto` initializer, which runs once per prototype — never per instance.
 */
function members(proto, table) {
    for (const key in table) {
        const desc = Object.getOwnPropertyDescriptor(table, key);
        // a getter installs as written, so it stays live: `description` reads through to the registry on every access. not enumerable: an object literal's is, and a prototype member never was
        if (desc.get)
            Object.defineProperty(proto, key, { ...desc, enumerable: false });
        // a method materializes bound on first read, which is what keeps a detached member working: `const opt = schema.optional; opt()`
        else
            defineBound(proto, key, desc.value);
    }
}
/** Shadows a prototype member with an own value, so a getter that builds from the instance runs once. */
function own(inst, key, value, enumerable = true) {
    Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
    return value;
}
/** Like {@link own}, for a member that was never an own data property and has to stay out of `Object.keys`. */
function hide(inst, key, value) {
    return own(inst, key, value, false);
}
/** Adds members a table derives from the instance: each builds on first read and shadows as own data, and assignment shadows the same way, as when these were own properties. */
function derived(computes, table) {
    for (const key in computes) {
        const compute = computes[key];
        // an object literal's accessor is configurable and enumerable, and `members` copies the descriptor as written
        Object.defineProperty(table, key, {
            configurable: true,
            enumerable: true,
            get() {
                return own(this, key, compute(this));
            },
            set(value) {
                own(this, key, value);
            },
        });
    }
    return table;
}
function defineBound(proto, key, fn) {
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // vitest's spyOn calls a prototype getter bare to find the function it wraps, so a nullish receiver answers the raw method
            return this == null ? fn : own(this, key, fn.bind(this));
        },
        set(value) {
            own(this, key, value);
        },
    });
}
/** Returns the prototype to install on, or `undefined` if this group is already installed on it. */
function claim(inst, sentinel) {
    const proto = Object.getPrototypeOf(inst);
    // Runs on every construction, so `in` rather than the costlier `hasOwnProperty.call`. Sentinels are keys the group itself defines.
    return sentinel in proto ? undefined : proto;
}
// The internals whose init chain is installing. A second call for the same one is a derived constructor overriding its base, so it must not construct another schema in between or the override is dropped.
let installing;
// Set while a getter is running, so a value that resolved through a recursion break is not memoized. One shared descriptor shadows the key for the duration, which costs no per-key allocation.
let broke = false;
const breaker = {
    configurable: true,
    get() {
        broke = true;
        return undefined;
    },
};
/**
 * Installs a lazily-derived internal on the `_zod` prototype of `inst`'s
 * constructor, computed from the internals object itself and cached there on
 * first read. One accessor per constructor rather than one per instance.
 */
function defineLazyInternal(inst, key, compute) {
    const proto = Object.getPrototypeOf(inst._zod);
    if (key in proto && installing !== inst._zod) {
        // A repeat construction: everything is installed already. Cleared here so the reference is not held past the first construction of every type.
        installing = undefined;
        return;
    }
    installing = inst._zod;
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // Shadowed before computing so a re-entrant read from a recursive schema resolves to undefined instead of running the getter again.
            Object.defineProperty(this, key, breaker);
            const outer = broke;
            broke = false;
            try {
                const value = compute(this);
                // A result that resolved through a recursion break is recomputed once the graph is complete; everything else memoizes, undefined included.
                if (broke)
                    delete this[key];
                else
                    Object.defineProperty(this, key, { configurable: true, writable: true, value });
                broke = broke || outer;
                return value;
            }
            catch (err) {
                // A compute that threw memoizes nothing, so a later read runs it again and fails the same way. The shadow goes with it, since leaving it installed would answer undefined for every later read.
                delete this[key];
                broke = broke || outer;
                throw err;
            }
        },
        set(value) {
            Object.defineProperty(this, key, { configurable: true, writable: true, value });
        },
    });
}
/**
 * Installs `key` on `inst`'s prototype, computed by `make` on first read and cached there as an own
 * data property. One accessor per constructor rather than one per instance, because an own accessor
 * puts every instance after the first into v8 dictionary mode. The key doubles as the sentinel.
 */
function installLazyProp(inst, key, make, enumerable) {
    const proto = claim(inst, key);
    if (!proto)
        return;
    Object.defineProperty(proto, key, {
        configurable: true,
        get() {
            // Shadowed before computing, so a re-entrant read from a self-referential shape resolves to undefined instead of running the getter again. A data property rather than an accessor: an own accessor is the dictionary-mode transition this exists to avoid.
            const desc = { configurable: true, writable: true, enumerable, value: undefined };
            Object.defineProperty(this, key, desc);
            // a compute that throws leaves the shadow behind, so later reads answer undefined instead of re-throwing; `defineLazy` did the same, and `defineLazyInternal`'s delete-on-catch would cost bytes in every bundle for a case only a throwing user getter reaches
            desc.value = make(this);
            Object.defineProperty(this, key, desc);
            return desc.value;
        },
        set(value) {
            Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
        },
    });
}
/** Marks the thunk `_catch` synthesises for a constant catch value. `Function.length` cannot tell that thunk from a user callback — rest and defaulted parameters both report arity 0 — and a user callback reads `ctx.error`, whose issues only finalize correctly against the caller's per-parse error map. Provenance can say what arity cannot. A plain string key rather than `Symbol.for`, whose call at module scope no bundler can prove pure — the same shape that anchored `urlCanParse` into every build. */
const CONSTANT_CATCH = "~constantCatch";
/** Wraps a constant catch value in a thunk tagged with {@link CONSTANT_CATCH}. */
function constantCatch(value) {
    const fn = () => value;
    fn[CONSTANT_CATCH] = true;
    return fn;
}

var _a$2;
/** A special constant with type `never` */
const NEVER = /*@__PURE__*/ Object.freeze({
    status: "aborted",
});
/* Shared descriptor for installing `_zod`; defineProperty reads it
 * synchronously, so reusing one object avoids a per-instance allocation. */
const _zodDesc = { value: undefined, enumerable: false };
// null where suppressing the capture would be unrecoverable: `parse()` puts the frames back with `captureStackTrace`, so without it the throw would lose its stack. also latched to null once `stackTraceLimit` proves unassignable, which a realm can do at any point by hardening Error
let _E = "captureStackTrace" in Error ? Error : null;
// v8 captures a stack trace inside the Error constructor, which dominates a failed parse; costs only the frames, and parse() restores those. the constructor must RUN: Object.create is cheaper and passes instanceof, but Error.isError and util.types.isNativeError check an internal slot
function newError(Definition) {
    const E = _E;
    if (E) {
        const saved = E.stackTraceLimit;
        if (typeof saved === "number") {
            try {
                E.stackTraceLimit = 0;
            }
            catch {
                _E = null;
                return new Definition();
            }
            try {
                return new Definition();
            }
            finally {
                E.stackTraceLimit = saved;
            }
        }
    }
    return new Definition();
}
function $constructor(name, initializer, 
/** This trait's members, installed once on every prototype that composes it. They cannot be declared in the initializer above: that runs per instance, and the prototype is shared. */
proto, params) {
    // Prototype for this constructor's `_zod` internals. Lazily-derived fields (`values`, `pattern`, `optin`, …) install here once rather than as an accessor on every instance.
    const zodProto = {};
    // Assigning the fields in the constructor body is what gives instances in-object slots; building the object literally and reparenting it costs a second allocation and a generic property copy.
    function Internals(def) {
        this.def = def;
        this.constr = _;
        this.traits = new Set();
    }
    Internals.prototype = zodProto;
    const protoMembers = proto;
    // One trait's members land on every prototype whose chain composes it, so the answer is per prototype rather than per trait.
    const initialized = protoMembers && new WeakSet();
    function init(inst, def) {
        if (!inst._zod) {
            _zodDesc.value = new Internals(def);
            try {
                Object.defineProperty(inst, "_zod", _zodDesc);
            }
            finally {
                // Cleared even on throw, so the shared descriptor never leaks one instance's internals into the next.
                _zodDesc.value = undefined;
            }
        }
        else if (inst._zod.traits.has(name)) {
            return;
        }
        inst._zod.traits.add(name);
        initializer(inst, def);
        if (initialized) {
            // `super(def)` from a user subclass gives `this` a prototype the subclass owns, and installing there would overwrite whatever the subclass declared. `constr` built the instance, so its prototype is the one below the subclass's that should carry the members. A receiver whose chain never reaches that prototype installs on its own, which for a plain object handed straight to `init` means `Object.prototype` — unchanged from before.
            const own = Object.getPrototypeOf(inst);
            const ctorProto = inst._zod.constr.prototype;
            let up = own;
            while (up && up !== ctorProto)
                up = Object.getPrototypeOf(up);
            const target = up ?? own;
            if (!initialized.has(target)) {
                initialized.add(target);
                members(target, protoMembers);
            }
        }
        // support prototype modifications; for-in avoids the array allocation of Object.keys on the (usually empty) prototype
        const proto = _.prototype;
        for (const k in proto) {
            if (!Object.prototype.hasOwnProperty.call(proto, k))
                continue;
            if (!(k in inst)) {
                inst[k] = proto[k].bind(inst);
            }
        }
    }
    // doesn't work if Parent has a constructor with arguments
    const Parent = params?.Parent ?? Object;
    class Definition extends Parent {
    }
    Object.defineProperty(Definition, "name", { value: name });
    function _(def) {
        const inst = params?.Parent ? newError(Definition) : this;
        init(inst, def);
        const deferred = inst._zod.deferred;
        if (deferred) {
            for (const fn of deferred) {
                fn();
            }
            // Released: initializers run once, and the list would otherwise be retained for the schema's lifetime.
            inst._zod.deferred = undefined;
        }
        // Global post-processor hook. Internal: installed by `import "zod/compile"` to enable AOT compilation for every constructed schema. Runs last, once the instance is fully built, because it hands the instance to compile(). The post-processor is expected to be reentrancy-guarded by its own implementation.
        const pp = globalThis.__zod_globalConfig?.postProcessor;
        if (pp)
            pp(inst);
        return inst;
    }
    Object.defineProperty(_, "init", { value: init });
    Object.defineProperty(_, Symbol.hasInstance, {
        value: (inst) => {
            if (params?.Parent && inst instanceof params.Parent)
                return true;
            return inst?._zod?.traits?.has(name);
        },
    });
    Object.defineProperty(_, "name", { value: name });
    return _;
}
class $ZodAsyncError extends Error {
    constructor() {
        super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
    }
}
class $ZodEncodeError extends Error {
    constructor(name) {
        super(`Encountered unidirectional transform during encode: ${name}`);
        this.name = "ZodEncodeError";
    }
}
(_a$2 = globalThis).__zod_globalConfig ?? (_a$2.__zod_globalConfig = {});
const globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
    if (newConfig)
        Object.assign(globalConfig, newConfig);
    return globalConfig;
}

/* Computing the message eagerly is expensive (pretty-printed JSON of all
 * issues), so defer it until first read. The accessor functions and
 * descriptors are shared across instances to keep error construction
 * cheap; the computed message is cached on the internals object. The
 * setter preserves plain assignment semantics for consumers that
 * overwrite `message`. */
function _getMessage() {
    const internals = this._zod;
    internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
    return internals.message;
}
function _setMessage(value) {
    this._zod.message = value;
}
const _messageDesc = {
    get: _getMessage,
    set: _setMessage,
    enumerable: true,
    configurable: true,
};
const _issuesDesc = { value: undefined, enumerable: false };
/* Prototypes that already carry the lazy `toString`. Seeded with the
 * intrinsics so that `init` on a foreign object — it accepts any object —
 * can never install an accessor onto a prototype we do not own. */
const _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
const initializer$1 = (inst, def) => {
    inst.name = "$ZodError";
    // `_zod` is already non-enumerable: $constructor's init defined it with this same descriptor
    _issuesDesc.value = def;
    Object.defineProperty(inst, "issues", _issuesDesc);
    // Clear the shared slot; a retained `value` pins the last error's issues.
    _issuesDesc.value = undefined;
    Object.defineProperty(inst, "message", _messageDesc);
    /* `toString` lives as a non-enumerable lazy getter on the shared
     * prototype; on first access it caches a per-instance closure so
     * detached usage still works. */
    const proto = Object.getPrototypeOf(inst);
    if (!_installedToString.has(proto)) {
        _installedToString.add(proto);
        Object.defineProperty(proto, "toString", {
            configurable: true,
            enumerable: false,
            get() {
                const value = () => this.message;
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
                return value;
            },
            set(value) {
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
            },
        });
    }
};
const $ZodError = $constructor("$ZodError", initializer$1);
/** Get-or-create `obj[key]` as an own data property. A path segment naming an inherited member
 * ("toString", "constructor") would otherwise read through to the prototype, and assigning
 * "__proto__" would hit the setter instead of creating a key. */
function node(obj, key, make) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) {
        if (key === "__proto__") {
            Object.defineProperty(obj, key, { value: make(), writable: true, enumerable: true, configurable: true });
        }
        else {
            obj[key] = make();
        }
    }
    return obj[key];
}
function flattenError(error, mapper = (issue) => issue.message) {
    const fieldErrors = {};
    const formErrors = [];
    for (const sub of error.issues) {
        if (sub.path.length > 0) {
            node(fieldErrors, sub.path[0], () => []).push(mapper(sub));
        }
        else {
            formErrors.push(mapper(sub));
        }
    }
    return { formErrors, fieldErrors };
}
function formatError(error, mapper = (issue) => issue.message) {
    const fieldErrors = { _errors: [] };
    const processError = (error, path = []) => {
        for (const issue of error.issues) {
            if (issue.code === "invalid_union" && issue.errors.length) {
                issue.errors.map((issues) => processError({ issues }, [...path, ...issue.path]));
            }
            else if (issue.code === "invalid_key") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else if (issue.code === "invalid_element") {
                processError({ issues: issue.issues }, [...path, ...issue.path]);
            }
            else {
                const fullpath = [...path, ...issue.path];
                if (fullpath.length === 0) {
                    fieldErrors._errors.push(mapper(issue));
                }
                else {
                    let curr = fieldErrors;
                    let i = 0;
                    while (i < fullpath.length) {
                        const el = fullpath[i];
                        const terminal = i === fullpath.length - 1;
                        // `_errors` is reserved by this legacy format, so merge a matching path segment into the current node instead of treating its array as a child.
                        if (el === "_errors") {
                            if (terminal)
                                curr._errors.push(mapper(issue));
                            i++;
                            continue;
                        }
                        // A path element may collide with an inherited property name such as
                        // "__proto__" or "constructor". Truthiness checks read the prototype
                        // (so no node is created, then ._errors.push throws), and bracket
                        // assignment of "__proto__" hits the setter instead of creating an
                        // own key. Guard the read with hasOwnProperty and create the node
                        // with defineProperty so any path element becomes a real own key.
                        if (!Object.prototype.hasOwnProperty.call(curr, el)) {
                            Object.defineProperty(curr, el, {
                                value: { _errors: [] },
                                enumerable: true,
                                writable: true,
                                configurable: true,
                            });
                        }
                        const node = curr[el];
                        if (terminal) {
                            node._errors.push(mapper(issue));
                        }
                        curr = node;
                        i++;
                    }
                }
            }
        }
    };
    processError(error);
    return fieldErrors;
}

// Always both keys, so the `_params` read site in `_parse` sees one object shape rather than two.
function finalizeParams(callee, params) {
    return { callee: params?.callee ?? callee, Err: params?.Err };
}
const _parse = (_Err) => {
    const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
        const result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise) {
            throw new $ZodAsyncError();
        }
        if (result.issues.length) {
            const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
            captureStackTrace(e, _params?.callee ?? fn);
            throw e;
        }
        return result.value;
    };
    return fn;
};
const _parseAsync = (_Err) => {
    const fn = async (schema, value, _ctx, params) => {
        const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
        let result = schema._zod.run({ value, issues: [] }, ctx);
        if (result instanceof Promise)
            result = await result;
        if (result.issues.length) {
            const e = new (params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
            captureStackTrace(e, params?.callee ?? fn);
            throw e;
        }
        return result.value;
    };
    return fn;
};
const _safeParse = (_Err) => (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
    const result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise) {
        throw new $ZodAsyncError();
    }
    return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
// the error is built on the first read of `error`: finalizing the issues and constructing the instance is most of a failing parse, and a caller that only branches on `success` never pays it. a getter in the literal keeps this small; the alternative, one shared accessor descriptor plus a hidden state slot, reads ~15% faster but costs ~75 B gzipped in every bundle
function failure(Err, issues, ctx) {
    let error;
    return {
        success: false,
        get error() {
            if (!error) {
                error = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
                // finalizeIssue drops `input`, so the built error holds nothing; keeping the raw issues past this point pins the parsed value for the life of the result
                issues = undefined;
                ctx = undefined;
            }
            return error;
        },
        set error(e) {
            error = e;
            // a replacement makes the getter's branch unreachable, so the captures have to go here too
            issues = undefined;
            ctx = undefined;
        },
    };
}
const _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
        result = await result;
    return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
// registry mirrors of the compiler's sentinels, so this module never imports the compiler
const COMPILE_INVALID = /* @__PURE__ */ Symbol.for("zod.compile.invalid");
const COMPILE_FALLBACK = /* @__PURE__ */ Symbol.for("zod.compile.fallback");
// Deliberately tiny, because v8 will not inline a body carrying the fallback's object literals and throw. Everything that is not the compiled happy path lives in validateFallback, and that split is worth ~35% on a compiled schema.
const validate = ((schema, value, _ctx) => {
    const validator = schema._zod.bag.validator;
    if (validator !== undefined) {
        if (validator(value) !== COMPILE_INVALID)
            return true;
        // a definite sentinel means the runtime would reject, so skip the re-parse; a ctx can still change the answer
        if (validator.definite === true && _ctx === undefined)
            return false;
    }
    return validateFallback(schema, value, _ctx);
});
function validateFallback(schema, value, _ctx) {
    const ctx = _ctx
        ? { ..._ctx, async: false, abortEarly: true }
        : { async: false, abortEarly: true };
    const fallbackRun = schema._zod.bag.fallbackRun;
    let result;
    if (fallbackRun) {
        // skip nested fast paths on the fallback, so user callbacks keep the at-most-twice bound
        ctx[COMPILE_FALLBACK] = true;
        result = fallbackRun({ value, issues: [] }, ctx);
    }
    else {
        result = schema._zod.run({ value, issues: [] }, ctx);
    }
    if (result instanceof Promise) {
        throw new $ZodAsyncError();
    }
    return result.issues.length === 0;
}
// no fast path: the compiler keeps async parses on the runtime, because a promise-returning callback that is not declared async compiles to a throw
const validateAsync$1 = async (schema, value, _ctx) => {
    const ctx = _ctx
        ? { ..._ctx, async: true, abortEarly: true }
        : { async: true, abortEarly: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
        result = await result;
    return result.issues.length === 0;
};
const _encode = (_Err) => {
    const parse = _parse(_Err);
    const fn = (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
        return parse(schema, value, ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const _decode = (_Err) => {
    const parse = _parse(_Err);
    const fn = (schema, value, _ctx, _params) => {
        return parse(schema, value, _ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const _encodeAsync = (_Err) => {
    const parseAsync = _parseAsync(_Err);
    const fn = async (schema, value, _ctx, _params) => {
        const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
        return (await parseAsync(schema, value, ctx, finalizeParams(fn, _params)));
    };
    return fn;
};
const _decodeAsync = (_Err) => {
    const parseAsync = _parseAsync(_Err);
    const fn = async (schema, value, _ctx, _params) => {
        return await parseAsync(schema, value, _ctx, finalizeParams(fn, _params));
    };
    return fn;
};
const _safeEncode = (_Err) => (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return _safeParse(_Err)(schema, value, ctx);
};
const _safeDecode = (_Err) => (schema, value, _ctx) => {
    return _safeParse(_Err)(schema, value, _ctx);
};
const _safeEncodeAsync = (_Err) => async (schema, value, _ctx) => {
    const ctx = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return _safeParseAsync(_Err)(schema, value, ctx);
};
const _safeDecodeAsync = (_Err) => async (schema, value, _ctx) => {
    return _safeParseAsync(_Err)(schema, value, _ctx);
};

/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link cuid2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const cuid = /^[cC][0-9a-z]{6,}$/;
const cuid2 = /^[0-9a-z]+$/;
const ulid = /^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}$/;
const xid = /^[0-9a-vA-V]{20}$/;
const ksuid = /^[A-Za-z0-9]{27}$/;
const nanoid = /^[a-zA-Z0-9_-]{21}$/;
function nanoidOfLength(length) {
    return new RegExp(`^[a-zA-Z0-9_-]{${length}}$`);
}
/** ISO 8601-1 duration regex. Does not support the 8601-2 extensions like negative durations or fractional/negative components. */
const duration = /^P(?:(\d+W)|(?!.*W)(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+([.,]\d+)?S)?)?)$/;
/** A regex for any UUID-like identifier: 8-4-4-4-12 hex pattern */
const guid = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
/** Returns a regex for validating an RFC 9562/4122 UUID.
 *
 * @param version Optionally specify a version 1-8. If no version is specified, all versions are supported. */
const uuid = (version) => {
    if (!version)
        return /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
    return new RegExp(`^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-${version}[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})$`);
};
/** Practical email validation */
const email = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
// from https://thekevinscott.com/emojis-in-javascript/#writing-a-regular-expression
// Single character class, not an alternation: the two properties overlap (U+1F9B0-U+1F9B3), so `(A|B)+` backtracks exponentially on a failed match. The leading lookahead then demands one anchor — a pictograph, a regional indicator, or the enclosing keycap — because `\p{Emoji_Component}` on its own covers ASCII digits, `#`, `*`, ZWJ, variation selectors and skin tone modifiers, none of which is an emoji without a base.
const _emoji$1 = `^(?=[\\s\\S]*[\\p{Extended_Pictographic}\\p{Regional_Indicator}\\u20E3])[\\p{Extended_Pictographic}\\p{Emoji_Component}]+$`;
function emoji() {
    return new RegExp(_emoji$1, "u");
}
const ipv4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/;
const ipv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))$/;
const cidrv4 = /^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\/([0-9]|[1-2][0-9]|3[0-2])$/;
const cidrv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))\/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$/;
// https://stackoverflow.com/questions/7860392/determine-if-string-is-in-base64-using-javascript
const base64 = /^$|^(?:[0-9a-zA-Z+/]{4})*(?:(?:[0-9a-zA-Z+/]{2}==)|(?:[0-9a-zA-Z+/]{3}=))?$/;
const base64url = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2,3})?$/;
const httpProtocol = /^https?$/;
// https://blog.stevenlevithan.com/archives/validate-phone-number#r4-3 (regex sans spaces) E.164: leading digit must be 1-9; total digits (excluding '+') between 7-15
const e164 = /^\+[1-9]\d{6,14}$/;
const dateSource = `(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))`;

function anchor(source) {
    return new RegExp(`^${source}$`);
}
const date = /*@__PURE__*/ anchor(dateSource);
function timeSource(args) {
    const hhmm = `(?:[01]\\d|2[0-3]):[0-5]\\d`;
    const regex = typeof args.precision === "number"
        ? args.precision === -1
            ? `${hhmm}`
            : args.precision === 0
                ? `${hhmm}:[0-5]\\d`
                : `${hhmm}:[0-5]\\d\\.\\d{${args.precision}}`
        : args.seconds
            ? `${hhmm}:[0-5]\\d(?:\\.\\d+)?`
            : `${hhmm}(?::[0-5]\\d(?:\\.\\d+)?)?`;
    return regex;
}
function time(args) {
    return new RegExp(`^${timeSource(args)}$`);
}
// Adapted from https://stackoverflow.com/a/3143231
function datetime(args) {
    const opts = ["Z"];
    // if (args.offset) opts.push(`([+-]\\d{2}:\\d{2})`);
    if (args.offset)
        opts.push(`([+-](?:[01]\\d|2[0-3]):[0-5]\\d)`);
    // RFC 3339 mandates seconds wherever the time carries a `Z` or an offset, so only the unqualified form `local` adds may omit them
    const qualified = `${timeSource({ precision: args.precision, seconds: true })}(?:${opts.join("|")})`;
    const timeRegex = args.local ? `${qualified}|${timeSource({ precision: args.precision })}` : qualified;
    return new RegExp(`^${dateSource}T(?:${timeRegex})$`);
}
// the unbounded form of `string()` as a literal, so every plain string shares one instance instead of building its own
const anyString = /^[\s\S]{0,}$/;
const integer = /^-?\d+$/;
const number$1 = /^-?\d+(?:\.\d+)?$/;
const boolean$1 = /^(?:true|false)$/i;
// regex for string with no uppercase letters
const lowercase = /^[^A-Z]*$/;
// regex for string with no lowercase letters
const uppercase = /^[^a-z]*$/;

// import { $ZodType } from "./schemas.js";
const $ZodCheck = /*@__PURE__*/ $constructor("$ZodCheck", (inst, def) => {
    var _a;
    inst._zod ?? (inst._zod = {});
    inst._zod.def = def;
    (_a = inst._zod).onattach ?? (_a.onattach = []);
});
/** Default `when` for length-based checks: run only on non-nullish values with a `length`. */
const _whenHasLength = (payload) => {
    const val = payload.value;
    return !nullish(val) && val.length !== undefined;
};
const numericOriginMap = {
    number: "number",
    bigint: "bigint",
    object: "date",
};
const $ZodCheckLessThan = /*@__PURE__*/ $constructor("$ZodCheckLessThan", (inst, def) => {
    $ZodCheck.init(inst, def);
    const origin = numericOriginMap[typeof def.value];
    inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value <= def.value : payload.value < def.value) {
            return;
        }
        payload.issues.push({
            origin: numericOriginMap[typeof payload.value] ?? origin,
            code: "too_big",
            maximum: typeof def.value === "object" ? def.value.getTime() : def.value,
            input: payload.value,
            inclusive: def.inclusive,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckGreaterThan = /*@__PURE__*/ $constructor("$ZodCheckGreaterThan", (inst, def) => {
    $ZodCheck.init(inst, def);
    const origin = numericOriginMap[typeof def.value];
    inst._zod.check = (payload) => {
        if (def.inclusive ? payload.value >= def.value : payload.value > def.value) {
            return;
        }
        payload.issues.push({
            origin: numericOriginMap[typeof payload.value] ?? origin,
            code: "too_small",
            minimum: typeof def.value === "object" ? def.value.getTime() : def.value,
            input: payload.value,
            inclusive: def.inclusive,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckMultipleOf = 
/*@__PURE__*/ $constructor("$ZodCheckMultipleOf", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        if (typeof payload.value !== typeof def.value)
            throw new Error("Cannot mix number and bigint in multiple_of check.");
        const isMultiple = typeof payload.value === "bigint"
            ? // `value % 0n` throws, and nothing is a multiple of zero — the number branch already fails this way via NaN
                def.value !== BigInt(0) && payload.value % def.value === BigInt(0)
            : floatSafeRemainder(payload.value, def.value) === 0;
        if (isMultiple)
            return;
        payload.issues.push({
            origin: typeof payload.value,
            code: "not_multiple_of",
            divisor: def.value,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckNumberFormat = /*@__PURE__*/ $constructor("$ZodCheckNumberFormat", (inst, def) => {
    $ZodCheck.init(inst, def); // no format checks
    def.format = def.format || "float64";
    const isInt = def.format?.includes("int");
    const origin = isInt ? "int" : "number";
    const [minimum, maximum] = NUMBER_FORMAT_RANGES[def.format];
    inst._zod.check = (payload) => {
        const input = payload.value;
        if (isInt) {
            if (!Number.isInteger(input)) {
                // invalid_format issue
                // payload.issues.push({
                //   expected: def.format,
                //   format: def.format,
                //   code: "invalid_format",
                //   input,
                //   inst,
                // });
                // invalid_type issue
                payload.issues.push({
                    expected: origin,
                    format: def.format,
                    code: "invalid_type",
                    continue: false,
                    input,
                    inst,
                });
                return;
                // not_multiple_of issue
                // payload.issues.push({
                //   code: "not_multiple_of",
                //   origin: "number",
                //   input,
                //   inst,
                //   divisor: 1,
                // });
            }
            if (!Number.isSafeInteger(input)) {
                if (input > 0) {
                    // too_big
                    payload.issues.push({
                        input,
                        code: "too_big",
                        maximum: Number.MAX_SAFE_INTEGER,
                        note: "Integers must be within the safe integer range.",
                        inst,
                        origin,
                        inclusive: true,
                        continue: !def.abort,
                    });
                }
                else {
                    // too_small
                    payload.issues.push({
                        input,
                        code: "too_small",
                        minimum: Number.MIN_SAFE_INTEGER,
                        note: "Integers must be within the safe integer range.",
                        inst,
                        origin,
                        inclusive: true,
                        continue: !def.abort,
                    });
                }
                return;
            }
        }
        if (input < minimum) {
            payload.issues.push({
                origin: "number",
                input,
                code: "too_small",
                minimum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
        if (input > maximum) {
            payload.issues.push({
                origin: "number",
                input,
                code: "too_big",
                maximum,
                inclusive: true,
                inst,
                continue: !def.abort,
            });
        }
    };
});
const $ZodCheckMaxLength = /*@__PURE__*/ $constructor("$ZodCheckMaxLength", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // Strings are measured in Unicode code points, not UTF-16 units. A code point is at most two units, so a string that already fits in units fits in code points; only an overflow has to be counted.
        const length = typeof input === "string" && units > def.maximum ? codePointLength(input) : units;
        if (length <= def.maximum)
            return;
        const origin = getLengthableOrigin(input);
        payload.issues.push({
            origin,
            code: "too_big",
            maximum: def.maximum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckMinLength = /*@__PURE__*/ $constructor("$ZodCheckMinLength", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // A code point is one or two UTF-16 units, so fewer units than the floor can never reach it and twice the floor always clears it. Only in between is the exact count in doubt.
        const length = typeof input === "string" && units >= def.minimum && units < def.minimum * 2
            ? codePointLength(input)
            : units;
        if (length >= def.minimum)
            return;
        const origin = getLengthableOrigin(input);
        payload.issues.push({
            origin,
            code: "too_small",
            minimum: def.minimum,
            inclusive: true,
            input,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckLengthEquals = /*@__PURE__*/ $constructor("$ZodCheckLengthEquals", (inst, def) => {
    var _a;
    $ZodCheck.init(inst, def);
    (_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
    inst._zod.check = (payload) => {
        const input = payload.value;
        const units = input.length;
        // A code point is one or two UTF-16 units, so outside `[length, length * 2]` units the target is missed either way — and missed in the same direction in both measures.
        const length = typeof input === "string" && units >= def.length && units <= def.length * 2
            ? codePointLength(input)
            : units;
        if (length === def.length)
            return;
        const origin = getLengthableOrigin(input);
        const tooBig = length > def.length;
        payload.issues.push({
            origin,
            ...(tooBig ? { code: "too_big", maximum: def.length } : { code: "too_small", minimum: def.length }),
            inclusive: true,
            exact: true,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckStringFormat = /*@__PURE__*/ $constructor("$ZodCheckStringFormat", (inst, def) => {
    var _a, _b;
    $ZodCheck.init(inst, def);
    if (def.pattern)
        (_a = inst._zod).check ?? (_a.check = (payload) => {
            def.pattern.lastIndex = 0;
            if (def.pattern.test(payload.value))
                return;
            payload.issues.push({
                origin: "string",
                code: "invalid_format",
                format: def.format,
                input: payload.value,
                ...(def.pattern ? { pattern: def.pattern.toString() } : {}),
                inst,
                continue: !def.abort,
            });
        });
    else
        (_b = inst._zod).check ?? (_b.check = () => { });
});
const $ZodCheckRegex = /*@__PURE__*/ $constructor("$ZodCheckRegex", (inst, def) => {
    $ZodCheckStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        def.pattern.lastIndex = 0;
        if (def.pattern.test(payload.value))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "regex",
            input: payload.value,
            pattern: def.pattern.toString(),
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckLowerCase = /*@__PURE__*/ $constructor("$ZodCheckLowerCase", (inst, def) => {
    def.pattern ?? (def.pattern = lowercase);
    $ZodCheckStringFormat.init(inst, def);
});
const $ZodCheckUpperCase = /*@__PURE__*/ $constructor("$ZodCheckUpperCase", (inst, def) => {
    def.pattern ?? (def.pattern = uppercase);
    $ZodCheckStringFormat.init(inst, def);
});
const $ZodCheckIncludes = /*@__PURE__*/ $constructor("$ZodCheckIncludes", (inst, def) => {
    $ZodCheck.init(inst, def);
    const escapedRegex = escapeRegex(def.includes);
    // `String.prototype.includes(sub, position)` matches `sub` at `position`
    // OR LATER, so the pattern must allow at least `position` leading chars
    // (`{N,}`), not exactly `position` chars (`{N}`).
    const pattern = new RegExp(typeof def.position === "number" ? `^.{${def.position},}${escapedRegex}` : escapedRegex);
    def.pattern = pattern;
    inst._zod.check = (payload) => {
        if (payload.value.includes(def.includes, def.position))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "includes",
            includes: def.includes,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckStartsWith = /*@__PURE__*/ $constructor("$ZodCheckStartsWith", (inst, def) => {
    $ZodCheck.init(inst, def);
    const pattern = new RegExp(`^${escapeRegex(def.prefix)}.*`);
    def.pattern ?? (def.pattern = pattern);
    inst._zod.check = (payload) => {
        if (payload.value.startsWith(def.prefix))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "starts_with",
            prefix: def.prefix,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckEndsWith = /*@__PURE__*/ $constructor("$ZodCheckEndsWith", (inst, def) => {
    $ZodCheck.init(inst, def);
    const pattern = new RegExp(`.*${escapeRegex(def.suffix)}$`);
    def.pattern ?? (def.pattern = pattern);
    inst._zod.check = (payload) => {
        if (payload.value.endsWith(def.suffix))
            return;
        payload.issues.push({
            origin: "string",
            code: "invalid_format",
            format: "ends_with",
            suffix: def.suffix,
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodCheckOverwrite = /*@__PURE__*/ $constructor("$ZodCheckOverwrite", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
        payload.value = def.tx(payload.value);
    };
});

class Doc {
    constructor(args = [], closed = {}) {
        this.content = [];
        this.indent = 0;
        this.args = args;
        this.closed = closed;
    }
    // the compiler catches a child's throw and keeps writing into this doc, so the indent has to unwind with it
    indented(fn) {
        this.indent += 1;
        try {
            fn(this);
        }
        finally {
            this.indent -= 1;
        }
    }
    write(arg) {
        if (typeof arg === "function") {
            arg(this, { execution: "sync" });
            arg(this, { execution: "async" });
            return;
        }
        const content = arg;
        const lines = content.split("\n").filter((x) => x);
        const minIndent = Math.min(...lines.map((x) => x.length - x.trimStart().length));
        const dedented = lines.map((x) => x.slice(minIndent)).map((x) => " ".repeat(this.indent * 2) + x);
        for (const line of dedented) {
            this.content.push(line);
        }
    }
    compile() {
        const F = Function;
        const content = this?.content ?? [``];
        const factory = new F(...Object.keys(this.closed), `return function (${this.args.join(", ")}) {\n${content.join("\n")}\n};`);
        return factory(...Object.values(this.closed));
    }
}

const version = {
    major: 4,
    minor: 6,
    patch: 7,
};

const $ZodType = /*@__PURE__*/ $constructor("$ZodType", (inst, def) => {
    var _a;
    inst ?? (inst = {});
    inst._zod.def = def; // set _def property
    inst._zod.bag = inst._zod.bag || {}; // initialize _bag object
    inst._zod.version = version;
    const defChecks = inst._zod.def.checks;
    // if inst is itself a checks.$ZodCheck, run it as a check
    const checks = inst._zod.traits.has("$ZodCheck")
        ? [inst, ...(defChecks ?? [])]
        : defChecks?.length
            ? [...defChecks]
            : [];
    for (const ch of checks) {
        for (const fn of ch._zod.onattach) {
            fn(inst);
        }
    }
    if (checks.length === 0) {
        // deferred initializer inst._zod.parse is not yet defined
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred?.push(() => {
            inst._zod.run = inst._zod.parse;
        });
    }
    else {
        const runChecks = (payload, checks, ctx) => {
            if (payload.memo)
                return payload;
            let isAborted = aborted(payload);
            let asyncResult;
            for (const ch of checks) {
                if (ch._zod.def.when) {
                    if (explicitlyAborted(payload))
                        continue;
                    const shouldRun = ch._zod.def.when(payload);
                    if (!shouldRun)
                        continue;
                }
                else if (isAborted) {
                    continue;
                }
                const currLen = payload.issues.length;
                const _ = ch._zod.check(payload);
                if (_ instanceof Promise && ctx?.async === false) {
                    throw new $ZodAsyncError();
                }
                if (asyncResult || _ instanceof Promise) {
                    asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
                        await _;
                        const nextLen = payload.issues.length;
                        if (nextLen === currLen)
                            return;
                        attachSchema(payload.issues, currLen, inst);
                        if (!isAborted)
                            isAborted = aborted(payload, currLen);
                    });
                }
                else {
                    const nextLen = payload.issues.length;
                    if (nextLen === currLen)
                        continue;
                    attachSchema(payload.issues, currLen, inst);
                    if (!isAborted)
                        isAborted = aborted(payload, currLen);
                }
            }
            if (asyncResult) {
                return asyncResult.then(() => {
                    return payload;
                });
            }
            return payload;
        };
        const handleCanaryResult = (canary, payload, ctx) => {
            // abort if the canary is aborted
            if (aborted(canary)) {
                canary.aborted = true;
                return canary;
            }
            // run checks first, then
            const checkResult = runChecks(payload, checks, ctx);
            if (checkResult instanceof Promise) {
                if (ctx.async === false)
                    throw new $ZodAsyncError();
                return checkResult.then((checkResult) => inst._zod.parse(checkResult, ctx));
            }
            return inst._zod.parse(checkResult, ctx);
        };
        inst._zod.run = (payload, ctx) => {
            if (ctx.skipChecks) {
                return inst._zod.parse(payload, ctx);
            }
            if (ctx.direction === "backward") {
                // run canary initial pass (no checks)
                const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
                if (canary instanceof Promise) {
                    return canary.then((canary) => {
                        return handleCanaryResult(canary, payload, ctx);
                    });
                }
                return handleCanaryResult(canary, payload, ctx);
            }
            // forward
            const result = inst._zod.parse(payload, ctx);
            if (result instanceof Promise) {
                if (ctx.async === false)
                    throw new $ZodAsyncError();
                return result.then((result) => runChecks(result, checks, ctx));
            }
            return runChecks(result, checks, ctx);
        };
    }
}, {
    // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
    get "~standard"() {
        return hide(this, "~standard", standardProps(this));
    },
    set "~standard"(value) {
        own(this, "~standard", value);
    },
});
/** The Standard Schema surface for `inst`. Shared so wrappers can extend it without forcing it. */
// a Standard Schema result only reports issues, so a failure finalizes them straight off the raw payload: no ZodError, and no lazy result to read through
const toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
async function validateAsync(inst, value) {
    const ctx = { async: true };
    return toStandardResult((await inst._zod.run({ value, issues: [] }, ctx)), ctx);
}
function standardProps(inst) {
    return {
        validate: (value) => {
            const ctx = { async: false };
            try {
                const r = inst._zod.run({ value, issues: [] }, ctx);
                if (!(r instanceof Promise))
                    return toStandardResult(r, ctx);
            }
            catch (_) { }
            // async function so a synchronously throwing check rejects instead of escaping validate
            return validateAsync(inst, value);
        },
        vendor: "zod",
        version: 1,
    };
}
const $ZodString = /*@__PURE__*/ $constructor("$ZodString", (inst, def) => {
    $ZodType.init(inst, def);
    // a format's own pattern, else unbounded; a template literal derives the check-aware form itself
    inst._zod.pattern = def.pattern ?? anyString;
    inst._zod.parse = (payload, _) => {
        if (def.coerce)
            try {
                payload.value = String(payload.value);
            }
            catch (_) { }
        if (typeof payload.value === "string")
            return payload;
        payload.issues.push({
            expected: "string",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
});
const $ZodStringFormat = /*@__PURE__*/ $constructor("$ZodStringFormat", (inst, def) => {
    // check initialization must come first
    $ZodCheckStringFormat.init(inst, def);
    $ZodString.init(inst, def);
});
const $ZodGUID = /*@__PURE__*/ $constructor("$ZodGUID", (inst, def) => {
    def.pattern ?? (def.pattern = guid);
    $ZodStringFormat.init(inst, def);
});
const $ZodUUID = /*@__PURE__*/ $constructor("$ZodUUID", (inst, def) => {
    if (def.version) {
        const versionMap = {
            v1: 1,
            v2: 2,
            v3: 3,
            v4: 4,
            v5: 5,
            v6: 6,
            v7: 7,
            v8: 8,
        };
        const v = versionMap[def.version];
        if (v === undefined)
            throw new Error(`Invalid UUID version: "${def.version}"`);
        def.pattern ?? (def.pattern = uuid(v));
    }
    else
        def.pattern ?? (def.pattern = uuid());
    $ZodStringFormat.init(inst, def);
});
const $ZodEmail = /*@__PURE__*/ $constructor("$ZodEmail", (inst, def) => {
    def.pattern ?? (def.pattern = email);
    $ZodStringFormat.init(inst, def);
});
/** The `://` guard rejected the input before the URL constructor saw it. */
const URL_BAD_FORMAT = 1;
/** The URL parser rejected the input. */
const URL_UNPARSEABLE = 2;
function canParseURL(input) {
    try {
        if (typeof URL !== "undefined" && typeof URL.canParse === "function")
            return URL.canParse(input);
        new URL(input);
        return true;
    }
    catch {
        return false;
    }
}
function validateURL(trimmed, def) {
    if (!("normalize" in def) && !("hostname" in def) && !("protocol" in def)) {
        return canParseURL(trimmed) || URL_UNPARSEABLE;
    }
    return parseURLObject(trimmed, def);
}
/** Parses a URL while preserving the non-normalizing HTTP guard. */
function parseURLObject(trimmed, def) {
    // When normalize is off, require :// for http/https URLs. This prevents strings like "http:example.com" or "https:/path" from being silently accepted
    if (!def.normalize && def.protocol?.source === httpProtocol.source && !/^https?:\/\//i.test(trimmed)) {
        return URL_BAD_FORMAT;
    }
    try {
        if (typeof URL !== "undefined") {
            const URLStatic = URL;
            if (typeof URLStatic.parse === "function")
                return URLStatic.parse(trimmed) ?? URL_UNPARSEABLE;
        }
        // @ts-ignore
        return new URL(trimmed);
    }
    catch {
        return URL_UNPARSEABLE;
    }
}
const asciiTabOrNewline = /[\t\n\r]/g;
/** The URL parser deletes every ASCII tab, LF and CR from its input before it parses, so `new URL("https://exa\nmple.com")` reports on `example.com`. Applying the same deletion to the returned value closes the half of that divergence which can move the host; the parser's other rewrite, stripping C0 controls at the edges, cannot. */
function stripTabAndNewline(value) {
    return value.replace(asciiTabOrNewline, "");
}
function urlHostnameOk(url, hostname) {
    hostname.lastIndex = 0;
    return hostname.test(url.hostname);
}
function urlProtocolOk(url, protocol) {
    protocol.lastIndex = 0;
    return protocol.test(url.protocol.endsWith(":") ? url.protocol.slice(0, -1) : url.protocol);
}
const $ZodURL = /*@__PURE__*/ $constructor("$ZodURL", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        try {
            // Trim whitespace from input
            const trimmed = payload.value.trim();
            const url = validateURL(trimmed, def);
            if (url === URL_BAD_FORMAT) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid URL format",
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
                return;
            }
            if (url === URL_UNPARSEABLE) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
                return;
            }
            if (url === true) {
                payload.value = stripTabAndNewline(trimmed);
                return;
            }
            if (def.hostname && !urlHostnameOk(url, def.hostname)) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid hostname",
                    pattern: def.hostname.source,
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
            }
            if (def.protocol && !urlProtocolOk(url, def.protocol)) {
                payload.issues.push({
                    code: "invalid_format",
                    format: "url",
                    note: "Invalid protocol",
                    pattern: def.protocol.source,
                    input: payload.value,
                    inst,
                    continue: !def.abort,
                });
            }
            // Set the output value based on normalize flag
            payload.value = def.normalize ? url.href : stripTabAndNewline(trimmed);
            return;
        }
        catch (_) {
            payload.issues.push({
                code: "invalid_format",
                format: "url",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
});
const $ZodEmoji = /*@__PURE__*/ $constructor("$ZodEmoji", (inst, def) => {
    def.pattern ?? (def.pattern = emoji());
    $ZodStringFormat.init(inst, def);
});
const $ZodNanoID = /*@__PURE__*/ $constructor("$ZodNanoID", (inst, def) => {
    if (def.length !== undefined && (!Number.isInteger(def.length) || def.length < 1))
        throw new Error(`Invalid nanoid length: ${def.length}`);
    def.pattern ?? (def.pattern = def.length === undefined ? nanoid : nanoidOfLength(def.length));
    $ZodStringFormat.init(inst, def);
});
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link $ZodCUID2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const $ZodCUID = /*@__PURE__*/ $constructor("$ZodCUID", (inst, def) => {
    def.pattern ?? (def.pattern = cuid);
    $ZodStringFormat.init(inst, def);
});
const $ZodCUID2 = /*@__PURE__*/ $constructor("$ZodCUID2", (inst, def) => {
    def.pattern ?? (def.pattern = cuid2);
    $ZodStringFormat.init(inst, def);
});
const $ZodULID = /*@__PURE__*/ $constructor("$ZodULID", (inst, def) => {
    def.pattern ?? (def.pattern = ulid);
    $ZodStringFormat.init(inst, def);
});
const $ZodXID = /*@__PURE__*/ $constructor("$ZodXID", (inst, def) => {
    def.pattern ?? (def.pattern = xid);
    $ZodStringFormat.init(inst, def);
});
const $ZodKSUID = /*@__PURE__*/ $constructor("$ZodKSUID", (inst, def) => {
    def.pattern ?? (def.pattern = ksuid);
    $ZodStringFormat.init(inst, def);
});
const $ZodISODateTime = /*@__PURE__*/ $constructor("$ZodISODateTime", (inst, def) => {
    def.pattern ?? (def.pattern = datetime(def));
    $ZodStringFormat.init(inst, def);
});
const $ZodISODate = /*@__PURE__*/ $constructor("$ZodISODate", (inst, def) => {
    def.pattern ?? (def.pattern = date);
    $ZodStringFormat.init(inst, def);
});
const $ZodISOTime = /*@__PURE__*/ $constructor("$ZodISOTime", (inst, def) => {
    def.pattern ?? (def.pattern = time(def));
    $ZodStringFormat.init(inst, def);
});
const $ZodISODuration = /*@__PURE__*/ $constructor("$ZodISODuration", (inst, def) => {
    def.pattern ?? (def.pattern = duration);
    $ZodStringFormat.init(inst, def);
});
const $ZodIPv4 = /*@__PURE__*/ $constructor("$ZodIPv4", (inst, def) => {
    def.pattern ?? (def.pattern = ipv4);
    $ZodStringFormat.init(inst, def);
});
/** An IPv6 address is written with hex digits, colons and dots, and nothing else. The guard is what makes the check below an IPv6 check: `new URL("http://[...]")` parses an authority, not an address, so `@` and `\` re-delimit it and `"::@1\\"` validates against the host `0.0.0.1`. The URL parser also deletes ASCII tab, LF and CR rather than failing, which is how `"::1\n"` validated as `::1`. */
const ipv6Alphabet = /^[0-9a-fA-F:.]+$/;
function isValidIPv6(value) {
    if (!ipv6Alphabet.test(value))
        return false;
    return canParseURL(`http://[${value}]`);
}
const $ZodIPv6 = /*@__PURE__*/ $constructor("$ZodIPv6", (inst, def) => {
    def.pattern ?? (def.pattern = ipv6);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (!isValidIPv6(payload.value)) {
            payload.issues.push({
                code: "invalid_format",
                format: "ipv6",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
});
const $ZodCIDRv4 = /*@__PURE__*/ $constructor("$ZodCIDRv4", (inst, def) => {
    def.pattern ?? (def.pattern = cidrv4);
    $ZodStringFormat.init(inst, def);
});
function isValidCIDRv6(value) {
    const parts = value.split("/");
    if (parts.length !== 2)
        return false;
    const [address, prefix] = parts;
    if (!prefix)
        return false;
    const prefixNum = Number(prefix);
    if (`${prefixNum}` !== prefix)
        return false;
    if (prefixNum < 0 || prefixNum > 128)
        return false;
    return isValidIPv6(address);
}
const $ZodCIDRv6 = /*@__PURE__*/ $constructor("$ZodCIDRv6", (inst, def) => {
    def.pattern ?? (def.pattern = cidrv6); // not used for validation
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (!isValidCIDRv6(payload.value)) {
            payload.issues.push({
                code: "invalid_format",
                format: "cidrv6",
                input: payload.value,
                inst,
                continue: !def.abort,
            });
        }
    };
});
//////////////////////////////   ZodBase64   //////////////////////////////
function isValidBase64(data) {
    if (data === "")
        return true;
    // atob ignores whitespace, so reject it up front.
    if (/\s/.test(data))
        return false;
    if (data.length % 4 !== 0)
        return false;
    try {
        // @ts-ignore
        atob(data);
        return true;
    }
    catch {
        return false;
    }
}
// lax on purpose: the quantified regexes.base64 overflows the regex stack on multi-MB input and its leading ^$| alternation leaks through template-literal composition; isValidBase64 enforces length and padding
const base64Charset = /^[0-9a-zA-Z+/]*={0,2}$/;
const $ZodBase64 = /*@__PURE__*/ $constructor("$ZodBase64", (inst, def) => {
    def.pattern ?? (def.pattern = base64Charset);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidBase64(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "base64",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
//////////////////////////////   ZodBase64URL   //////////////////////////////
// lax on purpose: the quantified regexes.base64url overflows the regex stack on multi-MB input; isValidBase64 enforces length on the padded string
const base64urlCharset = /^[A-Za-z0-9_-]*$/;
function isValidBase64URL(data) {
    if (!base64urlCharset.test(data))
        return false;
    const base64 = data.replace(/[-_]/g, (c) => (c === "-" ? "+" : "/"));
    const padded = base64.padEnd(Math.ceil(base64.length / 4) * 4, "=");
    return isValidBase64(padded);
}
const $ZodBase64URL = /*@__PURE__*/ $constructor("$ZodBase64URL", (inst, def) => {
    def.pattern ?? (def.pattern = base64urlCharset);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidBase64URL(payload.value))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "base64url",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodE164 = /*@__PURE__*/ $constructor("$ZodE164", (inst, def) => {
    def.pattern ?? (def.pattern = e164);
    $ZodStringFormat.init(inst, def);
});
//////////////////////////////   ZodJWT   //////////////////////////////
function isValidJWT(token, algorithm = null) {
    try {
        const tokensParts = token.split(".");
        if (tokensParts.length !== 3)
            return false;
        const [header] = tokensParts;
        if (!header)
            return false;
        // @ts-ignore
        const parsedHeader = JSON.parse(atob(header));
        if ("typ" in parsedHeader && parsedHeader?.typ !== "JWT")
            return false;
        if (!parsedHeader.alg)
            return false;
        if (algorithm && (!("alg" in parsedHeader) || parsedHeader.alg !== algorithm))
            return false;
        return true;
    }
    catch {
        return false;
    }
}
const $ZodJWT = /*@__PURE__*/ $constructor("$ZodJWT", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
        if (isValidJWT(payload.value, def.alg))
            return;
        payload.issues.push({
            code: "invalid_format",
            format: "jwt",
            input: payload.value,
            inst,
            continue: !def.abort,
        });
    };
});
const $ZodNumber = /*@__PURE__*/ $constructor("$ZodNumber", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = number$1;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = Number(payload.value);
            }
            catch (_) { }
        const input = payload.value;
        if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) {
            return payload;
        }
        const received = typeof input === "number"
            ? Number.isNaN(input)
                ? "NaN"
                : !Number.isFinite(input)
                    ? String(input)
                    : undefined
            : undefined;
        payload.issues.push({
            expected: "number",
            code: "invalid_type",
            input,
            inst,
            ...(received ? { received } : {}),
        });
        return payload;
    };
});
const $ZodNumberFormat = /*@__PURE__*/ $constructor("$ZodNumberFormat", (inst, def) => {
    $ZodCheckNumberFormat.init(inst, def);
    $ZodNumber.init(inst, def); // no format checks
});
const $ZodBoolean = /*@__PURE__*/ $constructor("$ZodBoolean", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = boolean$1;
    inst._zod.parse = (payload, _ctx) => {
        if (def.coerce)
            try {
                payload.value = Boolean(payload.value);
            }
            catch (_) { }
        const input = payload.value;
        if (typeof input === "boolean")
            return payload;
        payload.issues.push({
            expected: "boolean",
            code: "invalid_type",
            input,
            inst,
        });
        return payload;
    };
});
const $ZodUnknown = /*@__PURE__*/ $constructor("$ZodUnknown", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload) => payload;
});
const $ZodNever = /*@__PURE__*/ $constructor("$ZodNever", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
        payload.issues.push({
            expected: "never",
            code: "invalid_type",
            input: payload.value,
            inst,
        });
        return payload;
    };
});
// an oversized container fails its leading size checks before any element is parsed
function capSize(inst, size) {
    const caps = sizeCaps(inst._zod.def.checks);
    if (!caps.length)
        return;
    const cap = Math.min(...caps.map((c) => c[0]));
    const parse = inst._zod.parse;
    inst._zod.parse = (payload, ctx) => {
        const n = size(payload.value);
        if (n > cap && !ctx?.skipChecks && ctx?.direction !== "backward") {
            for (const [max, ch] of sizeCaps(inst._zod.def.checks)) {
                if (n > max && ch._zod.def.when(payload)) {
                    const start = payload.issues.length;
                    ch._zod.check(payload);
                    // the value is still the raw input, so no later check may read it
                    payload.issues[start].continue = false;
                    attachSchema(payload.issues, start, inst);
                    return payload;
                }
            }
        }
        return parse(payload, ctx);
    };
}
const arraySize = (input) => (Array.isArray(input) ? input.length : -1);
function handleArrayResult(result, final, index) {
    if (result.issues.length) {
        final.issues.push(...prefixIssues(index, result.issues));
    }
    final.value[index] = result.value;
}
const $ZodArray = /*@__PURE__*/ $constructor("$ZodArray", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!Array.isArray(input)) {
            payload.issues.push({
                expected: "array",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, Array(input.length), ctx) : Array(input.length);
        const proms = [];
        const abortEarly = ctx?.abortEarly;
        for (let i = 0; i < input.length; i++) {
            const item = input[i];
            const result = def.element._zod.run({
                value: item,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                proms.push(result.then((result) => handleArrayResult(result, payload, i)));
            }
            else {
                handleArrayResult(result, payload, i);
                // the element's payload is authoritative here, since handleArrayResult forwards every issue; an object's is not, because it drops a failed absent optional
                if (abortEarly && result.issues.length !== 0 && aborted(result))
                    break;
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => payload);
        }
        return payload; //handleArrayResultsAsync(parseResults, final);
    };
    capSize(inst, arraySize);
});
function handlePropertyResult(result, final, key, input, optin, optout) {
    const isPresent = key in input;
    const isOptionalOut = optout === "optional";
    // The middle rung means "absence permitted, nothing supplied in its place", so an absent key contributes nothing — whatever the schema made of `undefined` is invented, not substituted. Only `optional` reaches this with a value: `defaulted` substitutes, and a schema that isn't optional-out has to keep the key.
    if (!isPresent && isOptionalOut && optin === "optional") {
        return;
    }
    if (result.issues.length) {
        // For optional-in/out schemas, ignore errors on absent keys.
        if (optin !== undefined && isOptionalOut && !isPresent) {
            return;
        }
        final.issues.push(...prefixIssues(key, result.issues));
    }
    if (!isPresent && optin === undefined) {
        if (!result.issues.length) {
            final.issues.push({
                code: "invalid_type",
                expected: "nonoptional",
                input: undefined,
                path: [key],
            });
        }
        return;
    }
    if (result.value === undefined) {
        if (isPresent || (optin === "defaulted" && !isOptionalOut)) {
            final.value[key] = undefined;
        }
    }
    else {
        final.value[key] = result.value;
    }
}
// one shared instance; a fresh [] per schema cost 56 bytes retained
const NO_SYMBOL_KEYS = [];
function normalizeDef(def) {
    const keys = Object.keys(def.shape);
    const ownSymbols = Object.getOwnPropertySymbols(def.shape);
    const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
    // aliases `keys` when there are no symbols, so a string-only shape keeps one array
    const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
    for (const k of allKeys) {
        if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) {
            throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
        }
    }
    const okeys = optionalKeys(def.shape);
    return {
        ...def,
        allKeys,
        symbolKeys,
        // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
        keySet: new Set(keys),
        numKeys: keys.length,
        optionalKeys: new Set(okeys),
    };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
    const unrecognized = [];
    const keySet = def.keySet;
    const _catchall = def.catchall._zod;
    const t = _catchall.def.type;
    const optin = _catchall.optin;
    const optout = _catchall.optout;
    // starts at 0, not the current length: the shape phase already ran and may have aborted
    let seen = 0;
    for (const key in input) {
        if (abortEarly && payload.issues.length !== seen) {
            if (aborted(payload, seen))
                break;
            seen = payload.issues.length;
        }
        // Must precede the __proto__ branch: a declared key is not unrecognized, even though the shape loop deliberately strips __proto__ from the parsed output.
        if (keySet.has(key))
            continue;
        // Don't copy an undeclared __proto__ into the result; assignment to a plain {} would replace the result prototype. But in strict mode it is still an unknown key, so report it before skipping.
        if (key === "__proto__") {
            if (t === "never")
                unrecognized.push(key);
            continue;
        }
        if (t === "never") {
            unrecognized.push(key);
            continue;
        }
        const r = _catchall.run({ value: input[key], issues: [] }, ctx);
        if (r instanceof Promise) {
            proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
        }
        else {
            handlePropertyResult(r, payload, key, input, optin, optout);
        }
    }
    if (unrecognized.length) {
        payload.issues.push({
            code: "unrecognized_keys",
            keys: unrecognized,
            input,
            inst,
            // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
            continue: true,
        });
    }
    if (!proms.length)
        return payload;
    return Promise.all(proms).then(() => {
        return payload;
    });
}
const $ZodObject = /*@__PURE__*/ $constructor("$ZodObject", (inst, def) => {
    // requires cast because technically $ZodObject doesn't extend
    $ZodType.init(inst, def);
    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    // a cloned def carries its source's accessor, which knows the shape it answers from; adopting that keeps the clone's keys readable without running it
    const sh = desc?.get ? desc.get.raw : (def.shape ?? {});
    if (sh) {
        // Freezes the shape on first read, so its getters resolve once and every later read sees the same schemas.
        const get = () => {
            const newSh = { ...sh };
            Object.defineProperty(def, "shape", { value: newSh });
            get.raw = newSh;
            return newSh;
        };
        get.raw = sh;
        Object.defineProperty(def, "shape", { get });
    }
    const _normalized = cached(() => normalizeDef(def));
    defineLazyInternal(inst, "propValues", (zod) => {
        const shape = zod.def.shape;
        const propValues = {};
        for (const key in shape) {
            const field = shape[key]._zod;
            if (field.values) {
                if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
                    assignProp(propValues, key, new Set());
                }
                for (const v of field.values)
                    propValues[key].add(v);
                // An omittable slot reads back as undefined at a discriminator lookup, so it has to claim undefined: two options that can both omit the key are not discriminable on it.
                if (field.optin !== undefined)
                    propValues[key].add(undefined);
            }
        }
        return propValues;
    });
    const isObject$1 = isObject;
    const catchall = def.catchall;
    let value;
    const memo = globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject$1(input)) {
            payload.issues.push({
                expected: "object",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
        const proms = [];
        const shape = value.shape;
        const abortEarly = ctx?.abortEarly;
        let seen = payload.issues.length;
        for (const key of value.allKeys) {
            if (abortEarly && payload.issues.length !== seen) {
                if (aborted(payload, seen))
                    break;
                seen = payload.issues.length;
            }
            if (key === "__proto__")
                continue;
            const el = shape[key];
            const optin = el._zod.optin;
            const optout = el._zod.optout;
            const r = el._zod.run({ value: input[key], issues: [] }, ctx);
            if (r instanceof Promise) {
                proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
            }
            else {
                handlePropertyResult(r, payload, key, input, optin, optout);
            }
        }
        if (!catchall) {
            return proms.length ? Promise.all(proms).then(() => payload) : payload;
        }
        return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
    };
});
const $ZodObjectJIT = /*@__PURE__*/ $constructor("$ZodObjectJIT", (inst, def) => {
    // requires cast because technically $ZodObject doesn't extend
    $ZodObject.init(inst, def);
    const superParse = inst._zod.parse;
    const _normalized = cached(() => normalizeDef(def));
    const memo = globalConfig.memoizer;
    const generateFastpass = (shape) => {
        const normalized = _normalized.value;
        const syms = normalized.symbolKeys;
        // a symbol has no source literal, so it is read as `syms[i]` off the closed-over scope
        const doc = new Doc(["payload", "ctx"], { shape, inst, memo, syms });
        const parseStr = (k) => `shape[${k}]._zod.run({ value: input[${k}], issues: [] }, ctx)`;
        // prefixes in place, like util.prefixIssues. newResult must land before the early return: a catchall runs after this and would otherwise write onto the caller's input
        const prefixStr = (id, k) => `
          let ${id}_ab = false;
          for (let i = 0; i < ${id}.issues.length; i++) {
            const iss = ${id}.issues[i];
            iss.path = iss.path ? [${k}, ...iss.path] : [${k}];
            payload.issues.push(iss);
            if (iss.continue !== true) ${id}_ab = true;
          }
          if (${id}_ab && ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }`;
        doc.write(`const input = payload.value;`);
        const ids = Object.create(null);
        let counter = 0;
        for (const key of normalized.allKeys) {
            ids[key] = `key_${counter++}`;
        }
        // A: preserve key order {
        doc.write(memo ? `const newResult = memo.alloc(inst, payload, {}, ctx);` : `const newResult = {};`);
        for (const key of normalized.allKeys) {
            if (key === "__proto__")
                continue;
            const id = ids[key];
            const k = typeof key === "symbol" ? `syms[${syms.indexOf(key)}]` : esc(key);
            const isPresent = `${k} in input`;
            const schema = shape[key];
            const optin = schema?._zod?.optin;
            const isOptionalIn = optin !== undefined;
            const isOptionalOut = schema?._zod?.optout === "optional";
            doc.write(`const ${id} = ${parseStr(k)};`);
            if (isOptionalIn && isOptionalOut) {
                // For optional-in/out schemas, ignore errors on absent keys — and, like the interpreted path, drop the value produced alongside them. The middle rung goes further: it permits absence without supplying anything in its place, so an absent key contributes nothing at all.
                const assign = optin === "optional" ? `${id}_present` : `${id}.value !== undefined || ${id}_present`;
                doc.write(`
        const ${id}_present = ${isPresent};
        if (!${id}.issues.length || ${id}_present) {
          if (${id}.issues.length) {${prefixStr(id, k)}
          }

          if (${assign}) {
            newResult[${k}] = ${id}.value;
          }
        }

      `);
            }
            else if (!isOptionalIn) {
                doc.write(`
        const ${id}_present = ${isPresent};
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
        if (!${id}_present && !${id}.issues.length) {
          payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: undefined,
            path: [${k}]
          });
          if (ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }
        }

        if (${id}_present) {
          newResult[${k}] = ${id}.value;
        }

      `);
            }
            else {
                doc.write(`
        if (${id}.issues.length) {${prefixStr(id, k)}
        }
      `);
                if (optin === "defaulted") {
                    doc.write(`newResult[${k}] = ${id}.value;`);
                }
                else {
                    doc.write(`
        if (${id}.value !== undefined || ${isPresent}) {
          newResult[${k}] = ${id}.value;
        }
      `);
                }
            }
        }
        doc.write(`payload.value = newResult;`);
        doc.write(`return payload;`);
        // closing `shape` in is what pays: turbofan specializes the parser against that one shape object, so every `shape[k]._zod.run` folds to a known callee. as a parameter it stays a generic load and measures 13% slower even with the forwarding frame gone
        return doc.compile();
    };
    let fastpass;
    const isObject$1 = isObject;
    const jit = !globalConfig.jitless;
    const allowsEval$1 = allowsEval;
    const fastEnabled = jit && allowsEval$1.value; // && !def.catchall;
    const catchall = def.catchall;
    let value;
    inst._zod.parse = (payload, ctx) => {
        value ?? (value = _normalized.value);
        const input = payload.value;
        if (!isObject$1(input)) {
            payload.issues.push({
                expected: "object",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        if (jit && fastEnabled && ctx?.async === false && ctx.jitless !== true) {
            // always synchronous
            if (!fastpass)
                fastpass = generateFastpass(def.shape);
            payload = fastpass(payload, ctx);
            if (!catchall)
                return payload;
            return handleCatchall([], input, payload, ctx, value, inst, ctx?.abortEarly === true);
        }
        return superParse(payload, ctx);
    };
});
function handleUnionResults(results, final, inst, ctx) {
    for (const result of results) {
        if (result.issues.length === 0) {
            final.value = result.value;
            return final;
        }
    }
    const nonaborted = results.filter((r) => !aborted(r));
    if (nonaborted.length === 1) {
        final.value = nonaborted[0].value;
        return nonaborted[0];
    }
    final.issues.push({
        code: "invalid_union",
        input: final.value,
        inst,
        errors: results.map((result) => result.issues.map((iss) => finalizeIssue(iss, ctx, config()))),
    });
    return final;
}
const $ZodUnion = /*@__PURE__*/ $constructor("$ZodUnion", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "optin", (zod) => zod.def.options.some((o) => o._zod.optin === "defaulted")
        ? "defaulted"
        : zod.def.options.some((o) => o._zod.optin !== undefined)
            ? "optional"
            : undefined);
    defineLazyInternal(inst, "optout", (zod) => zod.def.options.some((o) => o._zod.optout === "optional") ? "optional" : undefined);
    defineLazyInternal(inst, "values", (zod) => {
        if (zod.def.options.every((o) => o._zod.values)) {
            return new Set(zod.def.options.flatMap((option) => Array.from(option._zod.values)));
        }
        return undefined;
    });
    defineLazyInternal(inst, "pattern", (zod) => {
        if (zod.def.options.every((o) => o._zod.pattern)) {
            const patterns = zod.def.options.map((o) => o._zod.pattern);
            return new RegExp(`^(${patterns.map((p) => cleanRegex(p.source)).join("|")})$`);
        }
        return undefined;
    });
    const first = def.options.length === 1 ? def.options[0]._zod.run : null;
    inst._zod.parse = (payload, ctx) => {
        if (first) {
            return first(payload, ctx);
        }
        let async = false;
        const results = [];
        for (const option of def.options) {
            const result = option._zod.run({
                value: payload.value,
                issues: [],
            }, ctx);
            if (result instanceof Promise) {
                results.push(result);
                async = true;
            }
            else {
                if (result.issues.length === 0)
                    return result;
                results.push(result);
            }
        }
        if (!async)
            return handleUnionResults(results, payload, inst, ctx);
        return Promise.all(results).then((results) => {
            return handleUnionResults(results, payload, inst, ctx);
        });
    };
});
const $ZodIntersection = /*@__PURE__*/ $constructor("$ZodIntersection", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        const left = def.left._zod.run({ value: input, issues: [] }, ctx);
        const right = def.right._zod.run({ value: input, issues: [] }, ctx);
        const async = left instanceof Promise || right instanceof Promise;
        if (async) {
            return Promise.all([left, right]).then(([left, right]) => {
                return handleIntersectionResults(payload, left, right);
            });
        }
        return handleIntersectionResults(payload, left, right);
    };
});
function mergeValues(a, b) {
    // const aType = parse.t(a);
    // const bType = parse.t(b);
    if (a === b) {
        return { valid: true, data: a };
    }
    if (a instanceof Date && b instanceof Date && +a === +b) {
        return { valid: true, data: a };
    }
    if (isPlainObject(a) && isPlainObject(b)) {
        const bKeys = Object.keys(b);
        const sharedKeys = Object.keys(a).filter((key) => bKeys.indexOf(key) !== -1);
        const newObj = { ...a, ...b };
        if (Object.prototype.hasOwnProperty.call(newObj, "__proto__"))
            delete newObj.__proto__;
        for (const key of sharedKeys) {
            if (key === "__proto__")
                continue;
            const sharedValue = mergeValues(a[key], b[key]);
            if (!sharedValue.valid) {
                return {
                    valid: false,
                    mergeErrorPath: [key, ...sharedValue.mergeErrorPath],
                };
            }
            newObj[key] = sharedValue.data;
        }
        return { valid: true, data: newObj };
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        if (a.length !== b.length) {
            return { valid: false, mergeErrorPath: [] };
        }
        const newArray = [];
        for (let index = 0; index < a.length; index++) {
            const itemA = a[index];
            const itemB = b[index];
            const sharedValue = mergeValues(itemA, itemB);
            if (!sharedValue.valid) {
                return {
                    valid: false,
                    mergeErrorPath: [index, ...sharedValue.mergeErrorPath],
                };
            }
            newArray.push(sharedValue.data);
        }
        return { valid: true, data: newArray };
    }
    return { valid: false, mergeErrorPath: [] };
}
function handleIntersectionResults(result, left, right) {
    // Track which side(s) reject each key. A key rejection is reported only when BOTH sides reject it, so a key owned by one branch survives the other's key schema. strictObject reports these as unrecognized_keys; a record with an open key schema reports one invalid_key per key.
    const unrecKeys = new Map();
    let unrecIssue;
    const keyIssues = new Map();
    const collect = (iss, side) => {
        let keys;
        if (iss.code === "unrecognized_keys" && !iss.path?.length) {
            unrecIssue ?? (unrecIssue = iss);
            keys = iss.keys;
        }
        else if (iss.code === "invalid_key" && iss.origin === "record" && iss.path?.length === 1) {
            const k = String(iss.path[0]);
            if (!keyIssues.has(k))
                keyIssues.set(k, iss);
            keys = [k];
        }
        else {
            return false;
        }
        for (const k of keys) {
            if (!unrecKeys.has(k))
                unrecKeys.set(k, {});
            unrecKeys.get(k)[side] = true;
        }
        return true;
    };
    for (const iss of left.issues) {
        if (!collect(iss, "l"))
            result.issues.push(iss);
    }
    for (const iss of right.issues) {
        if (!collect(iss, "r"))
            result.issues.push(iss);
    }
    // Report only keys rejected by BOTH sides
    const bothKeys = [...unrecKeys].filter(([, f]) => f.l && f.r).map(([k]) => k);
    if (bothKeys.length) {
        const aggregated = unrecIssue ? bothKeys.filter((k) => unrecIssue.keys.includes(k)) : [];
        if (aggregated.length)
            result.issues.push({ ...unrecIssue, keys: aggregated });
        for (const k of bothKeys) {
            if (!aggregated.includes(k) && keyIssues.has(k))
                result.issues.push(keyIssues.get(k));
        }
    }
    const merged = mergeValues(left.value, right.value);
    if (!merged.valid) {
        if (aborted(result))
            return result;
        throw new Error(`Unmergable intersection. Error path: ` + `${JSON.stringify(merged.mergeErrorPath)}`);
    }
    result.value = merged.data;
    return result;
}
const $ZodRecord = /*@__PURE__*/ $constructor("$ZodRecord", (inst, def) => {
    $ZodType.init(inst, def);
    const memo = globalConfig.memoizer;
    memo?.attach(inst);
    inst._zod.parse = (payload, ctx) => {
        const input = payload.value;
        if (!isPlainObject(input)) {
            payload.issues.push({
                expected: "record",
                code: "invalid_type",
                input,
                inst,
            });
            return payload;
        }
        // no guard in either loop below: a record's invalid_key aborts but an enclosing intersection can reconcile it, so a stopped loop hides keys the sibling does not own and the intersection then rejects nothing
        const proms = [];
        const values = def.keyType._zod.values;
        if (values && !def.partial) {
            payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
            const recordKeys = new Set();
            for (const key of values) {
                if (typeof key === "string" || typeof key === "number" || typeof key === "symbol") {
                    recordKeys.add(typeof key === "number" ? key.toString() : key);
                    // A declared __proto__ is stripped but is not an unrecognized key.
                    if (key === "__proto__")
                        continue;
                    const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
                    if (keyResult instanceof Promise) {
                        throw new Error("Async schemas not supported in object keys currently");
                    }
                    if (keyResult.issues.length) {
                        payload.issues.push({
                            code: "invalid_key",
                            origin: "record",
                            issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
                            input: key,
                            path: [key],
                            inst,
                        });
                        continue;
                    }
                    const outKey = keyResult.value;
                    if (outKey === "__proto__")
                        continue;
                    const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
                    if (result instanceof Promise) {
                        proms.push(result.then((result) => {
                            if (result.issues.length) {
                                payload.issues.push(...prefixIssues(key, result.issues));
                            }
                            payload.value[outKey] = result.value;
                        }));
                    }
                    else {
                        if (result.issues.length) {
                            payload.issues.push(...prefixIssues(key, result.issues));
                        }
                        payload.value[outKey] = result.value;
                    }
                }
            }
            let unrecognized;
            for (const key in input) {
                if (!recordKeys.has(key)) {
                    if (def.mode === "loose") {
                        // skip __proto__ so it can't replace the result prototype via the assignment setter on the plain {} we build into
                        if (key === "__proto__")
                            continue;
                        payload.value[key] = input[key];
                    }
                    else {
                        unrecognized = unrecognized ?? [];
                        unrecognized.push(key);
                    }
                }
            }
            if (unrecognized && unrecognized.length > 0) {
                payload.issues.push({
                    code: "unrecognized_keys",
                    input,
                    inst,
                    keys: unrecognized,
                    continue: true,
                });
            }
        }
        else {
            payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
            // An enumerable key schema declares which keys the record owns, so a key outside the set is unrecognized. A non-enumerable one (regex, refine) is a constraint every key must satisfy, so a failing key is invalid. Only the former is reconcilable against the other side of an intersection.
            let unrecognized;
            // Reflect.ownKeys for Symbol-key support; filter non-enumerable to match z.object()
            for (const key of Reflect.ownKeys(input)) {
                if (key === "__proto__")
                    continue;
                if (!Object.prototype.propertyIsEnumerable.call(input, key))
                    continue;
                let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
                if (keyResult instanceof Promise) {
                    throw new Error("Async schemas not supported in object keys currently");
                }
                // Numeric string fallback: if key is a numeric string and failed, retry with Number(key). This handles z.number(), z.literal([1, 2, 3]), and unions containing numeric literals
                const checkNumericKey = typeof key === "string" && number$1.test(key) && keyResult.issues.length;
                if (checkNumericKey) {
                    const retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
                    if (retryResult instanceof Promise) {
                        throw new Error("Async schemas not supported in object keys currently");
                    }
                    if (retryResult.issues.length === 0) {
                        keyResult = retryResult;
                    }
                }
                if (keyResult.issues.length) {
                    if (def.mode === "loose") {
                        // Pass through unchanged
                        payload.value[key] = input[key];
                    }
                    else if (values) {
                        unrecognized = unrecognized ?? [];
                        unrecognized.push(key);
                    }
                    else {
                        // Default "strict" behavior: error on invalid key
                        payload.issues.push({
                            code: "invalid_key",
                            origin: "record",
                            issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
                            input: key,
                            path: [key],
                            inst,
                        });
                    }
                    continue;
                }
                // the guard above tests the raw input key, but the key schema can normalize an ordinary key into __proto__; re-check the key we actually write under
                const outKey = keyResult.value;
                if (outKey === "__proto__")
                    continue;
                const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
                if (result instanceof Promise) {
                    proms.push(result.then((result) => {
                        if (result.issues.length) {
                            payload.issues.push(...prefixIssues(key, result.issues));
                        }
                        payload.value[outKey] = result.value;
                    }));
                }
                else {
                    if (result.issues.length) {
                        payload.issues.push(...prefixIssues(key, result.issues));
                    }
                    payload.value[outKey] = result.value;
                }
            }
            if (unrecognized && unrecognized.length > 0) {
                payload.issues.push({
                    code: "unrecognized_keys",
                    input,
                    inst,
                    keys: unrecognized,
                    continue: true,
                });
            }
        }
        if (proms.length) {
            return Promise.all(proms).then(() => payload);
        }
        return payload;
    };
});
const $ZodEnum = /*@__PURE__*/ $constructor("$ZodEnum", (inst, def) => {
    $ZodType.init(inst, def);
    const values = getEnumValues(def.entries);
    const valuesSet = new Set(values);
    inst._zod.values = valuesSet;
    defineLazyInternal(inst, "pattern", (zod) => {
        const patternValues = getEnumValues(zod.def.entries).filter((k) => propertyKeyTypes.has(typeof k));
        // unmatchable fallback, RE2-safe: an empty alternation would compile to /^()$/, which matches ""
        return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
    });
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (valuesSet.has(input)) {
            return payload;
        }
        payload.issues.push({
            code: "invalid_value",
            values,
            input,
            inst,
        });
        return payload;
    };
});
const $ZodLiteral = /*@__PURE__*/ $constructor("$ZodLiteral", (inst, def) => {
    $ZodType.init(inst, def);
    const values = new Set(def.values);
    inst._zod.values = values;
    defineLazyInternal(inst, "pattern", (zod) => {
        const vals = zod.def.values;
        // unmatchable fallback, RE2-safe: an empty alternation would compile to /^()$/, which matches ""
        return new RegExp(vals.length
            ? `^(${vals
                .map((o) => typeof o === "string" ? escapeRegex(o) : o ? escapeRegex(o.toString()) : String(o))
                .join("|")})$`
            : "^[^\\s\\S]$");
    });
    inst._zod.parse = (payload, _ctx) => {
        const input = payload.value;
        if (values.has(input)) {
            return payload;
        }
        payload.issues.push({
            code: "invalid_value",
            values: def.values,
            input,
            inst,
        });
        return payload;
    };
});
const $ZodTransform = /*@__PURE__*/ $constructor("$ZodTransform", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.optin = "optional";
    globalConfig.memoizer?.guard(inst);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            throw new $ZodEncodeError(inst.constructor.name);
        }
        const _out = def.transform(payload.value, payload);
        if (ctx.async) {
            const output = _out instanceof Promise ? _out : Promise.resolve(_out);
            return output.then((output) => {
                payload.value = output;
                return payload;
            });
        }
        if (_out instanceof Promise) {
            throw new $ZodAsyncError();
        }
        payload.value = _out;
        return payload;
    };
});
function handleOptionalResult(payload, result) {
    // A substituting schema that still failed has no usable answer; yield undefined. Its issues are simply dropped: it ran on a payload of its own, so there is no shared array to truncate and nothing of the caller's to lose with it.
    payload.value = result.issues.length ? undefined : result.value;
    return payload;
}
const $ZodOptional = /*@__PURE__*/ $constructor("$ZodOptional", (inst, def) => {
    $ZodType.init(inst, def);
    // .optional() propagates absence rather than substituting for it, so a defaulted inner keeps its rung.
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
    inst._zod.optout = "optional";
    defineLazyInternal(inst, "values", (zod) => {
        const values = zod.def.innerType._zod.values;
        return values ? new Set([...values, undefined]) : undefined;
    });
    defineLazyInternal(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        if (payload.value === undefined) {
            // Only the top rung substitutes a value for absence; everything else leaves it intact, which is what .optional() means.
            if (def.innerType._zod.optin !== "defaulted")
                return payload;
            // Its own payload, for the same reason $ZodCatch gets one: a pipe forwards an unrecognized key through the caller's issues array, and this must not read that as the substituting schema failing and drop it.
            const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
            if (result instanceof Promise)
                return result.then((result) => handleOptionalResult(payload, result));
            return handleOptionalResult(payload, result);
        }
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodExactOptional = /*@__PURE__*/ $constructor("$ZodExactOptional", (inst, def) => {
    // Call parent init - inherits optin/optout = "optional"
    $ZodOptional.init(inst, def);
    // Override values/pattern to NOT add undefined
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    defineLazyInternal(inst, "pattern", (zod) => zod.def.innerType._zod.pattern);
    // Override parse to just delegate (no undefined handling)
    inst._zod.parse = (payload, ctx) => {
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodNullable = /*@__PURE__*/ $constructor("$ZodNullable", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin);
    defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
    defineLazyInternal(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(`^(${cleanRegex(pattern.source)}|null)$`) : undefined;
    });
    defineLazyInternal(inst, "values", (zod) => {
        return zod.def.innerType._zod.values ? new Set([...zod.def.innerType._zod.values, null]) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        // Forward direction (decode): allow null to pass through
        if (payload.value === null)
            return payload;
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodDefault = /*@__PURE__*/ $constructor("$ZodDefault", (inst, def) => {
    $ZodType.init(inst, def);
    // inst._zod.qin = "true";
    inst._zod.optin = "defaulted";
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply defaults for undefined input
        if (payload.value === undefined) {
            payload.value = def.defaultValue;
            /**
             * $ZodDefault returns the default value immediately in forward direction.
             * It doesn't pass the default value into the validator ("prefault"). There's no reason to pass the default value through validation. The validity of the default is enforced by TypeScript statically. Otherwise, it's the responsibility of the user to ensure the default is valid. In the case of pipes with divergent in/out types, you can specify the default on the `in` schema of your ZodPipe to set a "prefault" for the pipe.   */
            return payload;
        }
        // Forward direction: continue with default handling
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleDefaultResult(result, def));
        }
        return handleDefaultResult(result, def);
    };
});
function handleDefaultResult(payload, def) {
    if (payload.value === undefined) {
        payload.value = def.defaultValue;
    }
    return payload;
}
const $ZodPrefault = /*@__PURE__*/ $constructor("$ZodPrefault", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.optin = "defaulted";
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply prefault for undefined input
        if (payload.value === undefined) {
            payload.value = def.defaultValue;
        }
        return def.innerType._zod.run(payload, ctx);
    };
});
const $ZodNonOptional = /*@__PURE__*/ $constructor("$ZodNonOptional", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "values", (zod) => {
        const v = zod.def.innerType._zod.values;
        return v ? new Set([...v].filter((x) => x !== undefined)) : undefined;
    });
    inst._zod.parse = (payload, ctx) => {
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleNonOptionalResult(result, inst));
        }
        return handleNonOptionalResult(result, inst);
    };
});
function handleNonOptionalResult(payload, inst) {
    if (!payload.issues.length && payload.value === undefined) {
        payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: payload.value,
            inst,
        });
    }
    return payload;
}
function handleCatchResult(payload, result, def, ctx) {
    if (!result.issues.length) {
        payload.value = result.value;
        // The value carries up, so the flag describing it has to carry with it: a back-edge into a node still being parsed must not be frozen by an enclosing readonly, and its checks belong to the node itself. Guarded so the ordinary case adds no own property.
        if (result.memo)
            payload.memo = true;
        return payload;
    }
    // Spread the inner's own payload, not ours: `value` has to stay the input the catch was handed, and the inner ran on a payload of its own so its issues are already private to this call.
    payload.value = def.catchValue({
        ...result,
        value: payload.value,
        error: {
            issues: result.issues.map((iss) => finalizeIssue(iss, ctx, config())),
        },
        input: payload.value,
    });
    return payload;
}
const $ZodCatch = /*@__PURE__*/ $constructor("$ZodCatch", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
    defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        // Forward direction (decode): apply catch logic
        const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
        if (result instanceof Promise) {
            return result.then((result) => handleCatchResult(payload, result, def, ctx));
        }
        return handleCatchResult(payload, result, def, ctx);
    };
});
const $ZodPipe = /*@__PURE__*/ $constructor("$ZodPipe", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
    defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
    defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
    defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            const right = def.out._zod.run(payload, ctx);
            if (right instanceof Promise) {
                return right.then((right) => handlePipeResult(right, def.in, ctx));
            }
            return handlePipeResult(right, def.in, ctx);
        }
        const left = def.in._zod.run(payload, ctx);
        if (left instanceof Promise) {
            return left.then((left) => handlePipeResult(left, def.out, ctx));
        }
        return handlePipeResult(left, def.out, ctx);
    };
});
function handlePipeResult(left, next, ctx) {
    // Any issue stops the pipe, so a failing refinement never feeds its transform. An unrecognized key is the exception: it describes the input's extra properties, not the value being piped, and an enclosing intersection may yet reconcile it.
    if (left.issues.some((iss) => iss.code !== "unrecognized_keys")) {
        // prevent further checks
        left.aborted = true;
        return left;
    }
    return next._zod.run({ value: left.value, issues: left.issues }, ctx);
}
const $ZodReadonly = /*@__PURE__*/ $constructor("$ZodReadonly", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "propValues", (zod) => zod.def.innerType._zod.propValues);
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType?._zod?.optin);
    defineLazyInternal(inst, "optout", (zod) => zod.def.innerType?._zod?.optout);
    inst._zod.parse = (payload, ctx) => {
        if (ctx.direction === "backward") {
            return def.innerType._zod.run(payload, ctx);
        }
        const result = def.innerType._zod.run(payload, ctx);
        if (result instanceof Promise) {
            return result.then(handleReadonlyResult);
        }
        return handleReadonlyResult(result);
    };
});
function handleReadonlyResult(payload) {
    // A repeat visit hands back a node that is still being built; freezing it here would make the rest of its keys fail to assign.
    if (!payload.memo)
        payload.value = Object.freeze(payload.value);
    return payload;
}
const $ZodCustom = /*@__PURE__*/ $constructor("$ZodCustom", (inst, def) => {
    $ZodCheck.init(inst, def);
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _) => {
        return payload;
    };
    inst._zod.check = (payload) => {
        const input = payload.value;
        const r = def.fn(input);
        if (r instanceof Promise) {
            return r.then((r) => handleRefineResult(r, payload, input, inst));
        }
        handleRefineResult(r, payload, input, inst);
        return;
    };
});
function handleRefineResult(result, payload, input, inst) {
    if (!result) {
        const _iss = {
            code: "custom",
            input,
            inst, // incorporates params.error into issue reporting
            path: [...(inst._zod.def.path ?? [])], // incorporates params.error into issue reporting
            continue: !inst._zod.def.abort,
            // params: inst._zod.def.params,
        };
        if (inst._zod.def.params)
            _iss.params = inst._zod.def.params;
        payload.issues.push(issue(_iss));
    }
}

class $ZodCyclicError extends Error {
    constructor() {
        super(`Cannot parse a reference cycle that closes through a transform`);
        this.name = "ZodCyclicError";
    }
}
/** Keyed off the context object every schema in one parse call already shares. */
const STATE = "~memo";
const NO_ISSUES = [];
// a value a cycle can close through
function isRef(value) {
    return value !== null && typeof value === "object";
}
// Receivers prefix paths in place, so the cache and every hand-out need their own copies.
function cloneIssues(issues) {
    return issues.map((iss) => (iss.path ? { ...iss, path: iss.path.slice() } : { ...iss }));
}
const recursive = /*@__PURE__*/ new WeakMap();
/** What the walk established, in order of certainty: ordered so the strongest answer among children wins. */
const NONE = 0;
const ASSUMED = 1;
const PROVEN = 2;
/** Whether this schema's subtree contains a cycle, so one parse can re-enter it. */
function isRecursive(inst, stack, resolve) {
    const cached = recursive.get(inst);
    if (cached !== undefined)
        return cached ? PROVEN : NONE;
    // Relative to the walk in progress, so not cached.
    if (stack.has(inst))
        return PROVEN;
    stack.add(inst);
    let result = NONE;
    const check = (child) => {
        if (result !== PROVEN && child?._zod) {
            const answer = isRecursive(child, stack);
            if (answer > result)
                result = answer;
        }
    };
    // `Reflect.ownKeys` rather than `Object.keys`, so a cycle through a declared symbol key is still seen
    const shape = (sh, spread) => {
        let answer = NONE;
        for (const key of Reflect.ownKeys(sh)) {
            const desc = Object.getOwnPropertyDescriptor(sh, key);
            // an object resolves its shape by spread, so a key it does not enumerate is never parsed; `z.properties` reads every own key and so keeps them all
            if (!desc.enumerable)
                continue;
            // resolving runs user code, and a factory mints a fresh subtree per read, so an edge the walk can't follow counts as a cycle
            const child = desc.get ? ASSUMED : desc.value?._zod ? isRecursive(desc.value, stack) : NONE;
            if (child > answer)
                answer = child;
        }
        return answer;
    };
    const merge = (answer) => {
        if (answer > result)
            result = answer;
    };
    const def = inst._zod.def;
    const kind = def.type;
    switch (kind) {
        case "object": {
            const raw = rawShape(def);
            // a def with no raw shape answers `shape` from an accessor of its own, and running that can mint a whole fresh subtree
            merge(raw ? shape(raw) : ASSUMED);
            check(def.catchall);
            break;
        }
        case "array":
            check(def.element);
            break;
        case "tuple":
            for (const el of def.items)
                check(el);
            check(def.rest);
            break;
        case "record":
        case "map":
            check(def.keyType);
            check(def.valueType);
            break;
        case "set":
            check(def.valueType);
            break;
        case "union":
            for (const el of def.options)
                check(el);
            break;
        case "intersection":
            check(def.left);
            check(def.right);
            break;
        case "optional":
        case "nullable":
        case "default":
        case "prefault":
        case "catch":
        case "readonly":
        case "nonoptional":
        case "promise":
        case "success":
            check(def.innerType);
            break;
        case "pipe":
            check(def.in);
            check(def.out);
            break;
        case "function":
            check(def.input);
            check(def.output);
            break;
        // `$ZodLazy` caches its inner on the def, so a resolved edge is followed exactly
        case "lazy": {
            const inner = def._cachedInner ?? (undefined);
            // walked with resolution off: one hop sees past the deferral, and a lazy that yields only another unresolved lazy is generative, so it stops there
            merge(inner ? isRecursive(inner, stack) : ASSUMED);
            break;
        }
        // a leaf by choice: `parts` are regex fragments, not data positions
        case "template_literal":
        // leaves
        case "string":
        case "number":
        case "int":
        case "boolean":
        case "bigint":
        case "symbol":
        case "undefined":
        case "null":
        case "void":
        case "never":
        case "any":
        case "unknown":
        case "date":
        case "nan":
        case "enum":
        case "literal":
        case "file":
        case "transform":
        case "custom":
            break;
        default: {
            // a user-defined kind can still hold children, and only its author knows where, so fall back to scanning the def — skipping accessors, since reading one can run user code
            for (const key in def) {
                const desc = Object.getOwnPropertyDescriptor(def, key);
                if (!desc || desc.get)
                    continue;
                const value = desc.value;
                if (!value || typeof value !== "object")
                    continue;
                if (value._zod)
                    check(value);
                else if (Array.isArray(value))
                    for (const el of value)
                        check(el);
            }
        }
    }
    stack.delete(inst);
    return settle(inst, result);
}
/** An assumed answer must not outlive the resolution that settles it, so only a certain one is cached. */
function settle(inst, answer) {
    if (answer !== ASSUMED)
        recursive.set(inst, answer === PROVEN);
    return answer;
}
function bucketFor(state, inst) {
    let bucket = state.buckets.get(inst);
    if (!bucket) {
        bucket = new WeakMap();
        state.buckets.set(inst, bucket);
    }
    return bucket;
}
// Set immediately before delegating to core and cleared immediately after, so `alloc` registers only for a visit this module is driving.
let handoff;
// Allocated but unfinished entries. `alloc` and the matching pop both happen in the synchronous part of a parse, so they nest even when children are async, and one stack serves every schema.
const open = [];
const memo = {
    alloc(_inst, payload, empty) {
        const bucket = handoff;
        if (!bucket)
            return empty;
        handoff = undefined;
        const entry = { value: empty, issues: null };
        bucket.set(payload.value, entry);
        open.push(entry);
        return empty;
    },
    guard(inst) {
        var _a;
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred.push(() => {
            const base = inst._zod.parse;
            const wrapped = (payload, ctx) => {
                // The value is a placeholder a back-edge is still waiting on, so the cycle closes through this transform. Its output can't exist in time to bind.
                if (ctx.direction !== "backward" && isBackEdge(ctx, payload.value))
                    throw new $ZodCyclicError();
                return base(payload, ctx);
            };
            inst._zod.parse = wrapped;
            if (inst._zod.run === base)
                inst._zod.run = wrapped;
        });
    },
    attach(inst) {
        var _a;
        let isRecursiveInst;
        let rechecked = false;
        // a recursive schema is re-entered many times per parse and its bucket never changes
        let lastCtx;
        let lastBucket;
        // Wraps `parse` in a deferred so it sees the container's final parse. Core's own deferred copies `parse` into `run` when there are no checks, and it ran first, so `run` is patched to match; with checks, `run` reads `parse` dynamically.
        (_a = inst._zod).deferred ?? (_a.deferred = []);
        inst._zod.deferred.push(() => {
            const base = inst._zod.parse;
            const wrapped = (payload, ctx) => {
                if (isRecursiveInst === undefined) {
                    const walked = isRecursive(inst, new Set());
                    if (walked === NONE) {
                        // Nothing here can ever fire, so take it back out.
                        inst._zod.parse = base;
                        if (inst._zod.run === wrapped)
                            inst._zod.run = base;
                        return base(payload, ctx);
                    }
                    // this parse resolves the deferred edges on its own path, so ask once more before latching
                    if (walked === PROVEN || rechecked)
                        isRecursiveInst = true;
                    else
                        rechecked = true;
                }
                const input = payload.value;
                if (!isRef(input))
                    return base(payload, ctx);
                let state = ctx[STATE];
                if (!state) {
                    state = { buckets: new WeakMap(), backEdges: undefined };
                    ctx[STATE] = state;
                }
                let bucket;
                if (lastCtx === ctx) {
                    bucket = lastBucket;
                }
                else {
                    bucket = bucketFor(state, inst);
                    lastCtx = ctx;
                    lastBucket = bucket;
                }
                const hit = bucket.get(input);
                if (hit) {
                    payload.value = hit.value;
                    if (hit.issues) {
                        if (hit.issues.length)
                            payload.issues.push(...cloneIssues(hit.issues));
                    }
                    else {
                        // Still being parsed: its own checks cover it, so skip them here.
                        payload.memo = true;
                        state.backEdges ?? (state.backEdges = new WeakSet());
                        state.backEdges.add(hit.value);
                    }
                    return payload;
                }
                handoff = bucket;
                const depth = open.length;
                const result = base(payload, ctx);
                handoff = undefined;
                // A container that rejected its input outright allocated nothing.
                const entry = open.length > depth ? open.pop() : undefined;
                // Both paths written out so the sync one allocates no closure. It runs once per node, and capturing here cost more than everything else combined.
                if (result instanceof Promise) {
                    return result.then((r) => {
                        if (entry)
                            entry.issues = r.issues.length ? cloneIssues(r.issues) : NO_ISSUES;
                        return r;
                    });
                }
                if (entry)
                    entry.issues = result.issues.length ? cloneIssues(result.issues) : NO_ISSUES;
                return result;
            };
            inst._zod.parse = wrapped;
            if (inst._zod.run === base)
                inst._zod.run = wrapped;
        });
    },
};
/** The memoizer that gives containers cycle support. `zod` installs it by default; `zod/mini` opts in with `config({ memoizer: memoizer() })`. */
function memoizer() {
    return memo;
}
/** Whether this value is a node a back-edge resolved to before it finished. */
function isBackEdge(ctx, value) {
    const backEdges = ctx[STATE]?.backEdges;
    return backEdges !== undefined && isRef(value) && backEdges.has(value);
}

const error = () => {
    const Sizable = {
        string: { unit: "characters", verb: "to have" },
        file: { unit: "bytes", verb: "to have" },
        array: { unit: "items", verb: "to have" },
        set: { unit: "items", verb: "to have" },
        map: { unit: "entries", verb: "to have" },
    };
    function getSizing(origin) {
        return Sizable[origin] ?? null;
    }
    const FormatDictionary = {
        regex: "input",
        email: "email address",
        url: "URL",
        emoji: "emoji",
        uuid: "UUID",
        uuidv4: "UUIDv4",
        uuidv6: "UUIDv6",
        nanoid: "nanoid",
        guid: "GUID",
        cuid: "cuid",
        cuid2: "cuid2",
        ulid: "ULID",
        xid: "XID",
        ksuid: "KSUID",
        datetime: "ISO datetime",
        date: "ISO date",
        time: "ISO time",
        duration: "ISO duration",
        ipv4: "IPv4 address",
        ipv6: "IPv6 address",
        mac: "MAC address",
        cidrv4: "IPv4 range",
        cidrv6: "IPv6 range",
        base64: "base64-encoded string",
        base64url: "base64url-encoded string",
        json_string: "JSON string",
        e164: "E.164 number",
        currency_code: "currency code",
        credit_card: "credit card number",
        iban: "IBAN",
        jwt: "JWT",
        template_literal: "input",
    };
    // type names: missing keys = do not translate (use raw value via ?? fallback)
    const TypeDictionary = {
        // Compatibility: "nan" -> "NaN" for display
        nan: "NaN",
        // All other type names omitted - they fall back to raw values via ?? operator
    };
    function getTypeName(type, input) {
        if (type === "number" && typeof input === "number" && !Number.isFinite(input)) {
            return String(input);
        }
        return TypeDictionary[type] ?? type;
    }
    return (issue) => {
        switch (issue.code) {
            case "invalid_type": {
                const expected = getTypeName(issue.expected);
                const receivedType = parsedType(issue.input);
                const received = getTypeName(receivedType, issue.input);
                return `Invalid input: expected ${expected}, received ${received}`;
            }
            case "invalid_value":
                if (issue.values.length === 1)
                    return `Invalid input: expected ${stringifyPrimitive(issue.values[0])}`;
                return `Invalid option: expected one of ${joinValues(issue.values, "|")}`;
            case "too_big": {
                const adj = issue.exact ? "exactly " : issue.inclusive ? "<=" : "<";
                const sizing = getSizing(issue.origin);
                if (sizing)
                    return `Too big: expected ${issue.origin ?? "value"} to have ${adj}${issue.maximum.toString()} ${sizing.unit ?? "elements"}`;
                return `Too big: expected ${issue.origin ?? "value"} to be ${adj}${issue.maximum.toString()}`;
            }
            case "too_small": {
                const adj = issue.exact ? "exactly " : issue.inclusive ? ">=" : ">";
                const sizing = getSizing(issue.origin);
                if (sizing) {
                    return `Too small: expected ${issue.origin} to have ${adj}${issue.minimum.toString()} ${sizing.unit}`;
                }
                return `Too small: expected ${issue.origin} to be ${adj}${issue.minimum.toString()}`;
            }
            case "invalid_format": {
                const _issue = issue;
                if (_issue.format === "starts_with") {
                    return `Invalid string: must start with "${_issue.prefix}"`;
                }
                if (_issue.format === "ends_with")
                    return `Invalid string: must end with "${_issue.suffix}"`;
                if (_issue.format === "includes")
                    return `Invalid string: must include "${_issue.includes}"`;
                if (_issue.format === "regex")
                    return `Invalid string: must match pattern ${_issue.pattern}`;
                return `Invalid ${FormatDictionary[_issue.format] ?? issue.format}`;
            }
            case "not_multiple_of":
                return `Invalid number: must be a multiple of ${issue.divisor}`;
            case "unrecognized_keys":
                return `Unrecognized key${issue.keys.length > 1 ? "s" : ""}: ${joinValues(issue.keys, ", ")}`;
            case "invalid_key":
                return `Invalid key in ${issue.origin}`;
            case "invalid_union":
                if (issue.options && Array.isArray(issue.options) && issue.options.length > 0) {
                    const opts = issue.options.map((o) => `'${o}'`).join(" | ");
                    return `Invalid discriminator value. Expected ${opts}`;
                }
                if (issue.inclusive === false) {
                    return "Invalid input: more than one option matched";
                }
                return "Invalid input";
            case "invalid_element":
                return `Invalid value in ${issue.origin}`;
            default:
                return `Invalid input`;
        }
    };
};
function en () {
    return {
        localeError: error(),
    };
}

var _a$1;
class $ZodRegistry {
    constructor() {
        this._map = new WeakMap();
        this._idmap = new Map();
    }
    add(schema, ..._meta) {
        const meta = _meta[0];
        this._map.set(schema, meta);
        if (meta && typeof meta === "object" && "id" in meta) {
            this._idmap.set(meta.id, schema);
        }
        return this;
    }
    clear() {
        this._map = new WeakMap();
        this._idmap = new Map();
        return this;
    }
    remove(schema) {
        const meta = this._map.get(schema);
        if (meta && typeof meta === "object" && "id" in meta) {
            this._idmap.delete(meta.id);
        }
        this._map.delete(schema);
        return this;
    }
    get(schema) {
        // return this._map.get(schema) as any;
        // inherit metadata
        const p = schema._zod.parent;
        if (p) {
            const pm = { ...(this.get(p) ?? {}) };
            delete pm.id; // do not inherit id
            const f = { ...pm, ...this._map.get(schema) };
            return Object.keys(f).length ? f : undefined;
        }
        return this._map.get(schema);
    }
    has(schema) {
        return this._map.has(schema);
    }
}
// registries
function registry() {
    return new $ZodRegistry();
}
(_a$1 = globalThis).__zod_globalRegistry ?? (_a$1.__zod_globalRegistry = registry());
const globalRegistry = globalThis.__zod_globalRegistry;

function snapshotChecks(def) {
    if (def.checks)
        def.checks = [...def.checks];
    return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class, params) {
    return new Class(snapshotChecks({ type: "string", ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _email(Class, params) {
    return new Class({
        type: "string",
        format: "email",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _guid(Class, params) {
    return new Class({
        type: "string",
        format: "guid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuid(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv4(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v4",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv6(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v6",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uuidv7(Class, params) {
    return new Class({
        type: "string",
        format: "uuid",
        check: "string_format",
        abort: false,
        version: "v7",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _url(Class, params) {
    return new Class({
        type: "string",
        format: "url",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _emoji(Class, params) {
    return new Class({
        type: "string",
        format: "emoji",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _nanoid(Class, params) {
    return new Class({
        type: "string",
        format: "nanoid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link _cuid2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
// @__NO_SIDE_EFFECTS__
function _cuid(Class, params) {
    return new Class({
        type: "string",
        format: "cuid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cuid2(Class, params) {
    return new Class({
        type: "string",
        format: "cuid2",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ulid(Class, params) {
    return new Class({
        type: "string",
        format: "ulid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _xid(Class, params) {
    return new Class({
        type: "string",
        format: "xid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ksuid(Class, params) {
    return new Class({
        type: "string",
        format: "ksuid",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ipv4(Class, params) {
    return new Class({
        type: "string",
        format: "ipv4",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _ipv6(Class, params) {
    return new Class({
        type: "string",
        format: "ipv6",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cidrv4(Class, params) {
    return new Class({
        type: "string",
        format: "cidrv4",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _cidrv6(Class, params) {
    return new Class({
        type: "string",
        format: "cidrv6",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _base64(Class, params) {
    return new Class({
        type: "string",
        format: "base64",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _base64url(Class, params) {
    return new Class({
        type: "string",
        format: "base64url",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _e164(Class, params) {
    return new Class({
        type: "string",
        format: "e164",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _jwt(Class, params) {
    return new Class({
        type: "string",
        format: "jwt",
        check: "string_format",
        abort: false,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoDateTime(Class, params) {
    return new Class({
        type: "string",
        format: "datetime",
        check: "string_format",
        offset: false,
        local: false,
        precision: null,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoDate(Class, params) {
    return new Class({
        type: "string",
        format: "date",
        check: "string_format",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoTime(Class, params) {
    return new Class({
        type: "string",
        format: "time",
        check: "string_format",
        precision: null,
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _isoDuration(Class, params) {
    return new Class({
        type: "string",
        format: "duration",
        check: "string_format",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _number(Class, params) {
    return new Class(snapshotChecks({ type: "number", checks: [], ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _int(Class, params) {
    return new Class({
        type: "number",
        check: "number_format",
        abort: false,
        format: "safeint",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _boolean(Class, params) {
    return new Class({
        type: "boolean",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _unknown(Class) {
    return new Class({
        type: "unknown",
    });
}
// @__NO_SIDE_EFFECTS__
function _never(Class, params) {
    return new Class({
        type: "never",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _lt(value, params) {
    return new $ZodCheckLessThan({
        check: "less_than",
        ...normalizeParams(params),
        value,
        inclusive: false,
    });
}
// @__NO_SIDE_EFFECTS__
function _lte(value, params) {
    return new $ZodCheckLessThan({
        check: "less_than",
        ...normalizeParams(params),
        value,
        inclusive: true,
    });
}
// @__NO_SIDE_EFFECTS__
function _gt(value, params) {
    return new $ZodCheckGreaterThan({
        check: "greater_than",
        ...normalizeParams(params),
        value,
        inclusive: false,
    });
}
// @__NO_SIDE_EFFECTS__
function _gte(value, params) {
    return new $ZodCheckGreaterThan({
        check: "greater_than",
        ...normalizeParams(params),
        value,
        inclusive: true,
    });
}
// @__NO_SIDE_EFFECTS__
function _multipleOf(value, params) {
    return new $ZodCheckMultipleOf({
        check: "multiple_of",
        ...normalizeParams(params),
        value,
    });
}
// @__NO_SIDE_EFFECTS__
function _maxLength(maximum, params) {
    const ch = new $ZodCheckMaxLength({
        check: "max_length",
        ...normalizeParams(params),
        maximum,
    });
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
    return new $ZodCheckMinLength({
        check: "min_length",
        ...normalizeParams(params),
        minimum,
    });
}
// @__NO_SIDE_EFFECTS__
function _length(length, params) {
    return new $ZodCheckLengthEquals({
        check: "length_equals",
        ...normalizeParams(params),
        length,
    });
}
// @__NO_SIDE_EFFECTS__
function _regex(pattern, params) {
    return new $ZodCheckRegex({
        check: "string_format",
        format: "regex",
        ...normalizeParams(params),
        pattern,
    });
}
// @__NO_SIDE_EFFECTS__
function _lowercase(params) {
    return new $ZodCheckLowerCase({
        check: "string_format",
        format: "lowercase",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _uppercase(params) {
    return new $ZodCheckUpperCase({
        check: "string_format",
        format: "uppercase",
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _includes(includes, params) {
    return new $ZodCheckIncludes({
        check: "string_format",
        format: "includes",
        ...normalizeParams(params),
        includes,
    });
}
// @__NO_SIDE_EFFECTS__
function _startsWith(prefix, params) {
    return new $ZodCheckStartsWith({
        check: "string_format",
        format: "starts_with",
        ...normalizeParams(params),
        prefix,
    });
}
// @__NO_SIDE_EFFECTS__
function _endsWith(suffix, params) {
    return new $ZodCheckEndsWith({
        check: "string_format",
        format: "ends_with",
        ...normalizeParams(params),
        suffix,
    });
}
// @__NO_SIDE_EFFECTS__
function _overwrite(tx) {
    return new $ZodCheckOverwrite({
        check: "overwrite",
        tx,
    });
}
// normalize
// @__NO_SIDE_EFFECTS__
function _normalize(form) {
    return _overwrite((input) => input.normalize(form));
}
// trim
// @__NO_SIDE_EFFECTS__
function _trim() {
    return _overwrite((input) => input.trim());
}
// toLowerCase
// @__NO_SIDE_EFFECTS__
function _toLowerCase() {
    return _overwrite((input) => input.toLowerCase());
}
// toUpperCase
// @__NO_SIDE_EFFECTS__
function _toUpperCase() {
    return _overwrite((input) => input.toUpperCase());
}
// slugify
// @__NO_SIDE_EFFECTS__
function _slugify() {
    return _overwrite((input) => slugify(input));
}
// @__NO_SIDE_EFFECTS__
function _array(Class, element, params) {
    return new Class({
        type: "array",
        element,
        // get element() {
        //   return element;
        // },
        ...normalizeParams(params),
    });
}
// @__NO_SIDE_EFFECTS__
function _custom(Class, fn, _params) {
    const norm = normalizeParams(_params);
    norm.abort ?? (norm.abort = true); // default to abort:false
    const schema = new Class({
        type: "custom",
        check: "custom",
        fn: fn,
        ...norm,
    });
    return schema;
}
// same as _custom but defaults to abort:false
// @__NO_SIDE_EFFECTS__
function _refine(Class, fn, _params) {
    const schema = new Class({
        type: "custom",
        check: "custom",
        fn: fn,
        ...normalizeParams(_params),
    });
    return schema;
}
// @__NO_SIDE_EFFECTS__
function _superRefine(fn, params) {
    const ch = _check((payload) => {
        payload.addIssue = (issue$1) => {
            if (typeof issue$1 === "string") {
                payload.issues.push(issue(issue$1, payload.value, ch._zod.def));
            }
            else {
                // for Zod 3 backwards compatibility
                const _issue = issue$1;
                if (_issue.fatal)
                    _issue.continue = false;
                _issue.code ?? (_issue.code = "custom");
                if (!("input" in _issue))
                    _issue.input = payload.value;
                _issue.inst ?? (_issue.inst = ch);
                _issue.continue ?? (_issue.continue = !ch._zod.def.abort); // abort is always undefined, so this is always true...
                payload.issues.push(issue(_issue));
            }
        };
        return fn(payload.value, payload);
    }, params);
    return ch;
}
// @__NO_SIDE_EFFECTS__
function _check(fn, params) {
    const ch = new $ZodCheck({
        check: "custom",
        ...normalizeParams(params),
    });
    ch._zod.check = fn;
    return ch;
}

function assignProps(target, ...sources) {
    for (const source of sources) {
        for (const key of Reflect.ownKeys(source)) {
            if (Object.prototype.propertyIsEnumerable.call(source, key)) {
                assignProp(target, key, source[key]);
            }
        }
    }
    return target;
}
// function initializeContext<T extends schemas.$ZodType>(inputs: JSONSchemaGeneratorParams<T>): ToJSONSchemaContext<T> {
//   return {
//     processor: inputs.processor,
//     metadataRegistry: inputs.metadata ?? globalRegistry,
//     target: inputs.target ?? "draft-2020-12",
//     unrepresentable: inputs.unrepresentable ?? "throw",
//   };
// }
function initializeContext(params) {
    // Normalize target: convert old non-hyphenated versions to hyphenated versions
    let target = params?.target ?? "draft-2020-12";
    if (target === "draft-4")
        target = "draft-04";
    if (target === "draft-7")
        target = "draft-07";
    return {
        processors: params.processors ?? {},
        metadataRegistry: params?.metadata ?? globalRegistry,
        target,
        unrepresentable: params?.unrepresentable ?? "throw",
        override: params?.override ?? (() => { }),
        io: params?.io ?? "output",
        counter: 0,
        seen: new Map(),
        sharedDefsExtractedFor: undefined,
        sharedEmitDoneFor: undefined,
        cycles: params?.cycles ?? "ref",
        reused: params?.reused ?? "inline",
        intersections: [],
        deferred: [],
        external: params?.external ?? undefined,
    };
}
/**
 * Applies the `unrepresentable` setting at a site that has no JSON Schema equivalent. Throws
 * `message` unless the setting (or the handler's return value) says otherwise. Returns `true` if a
 * custom JSON Schema was written into `json`, in which case the caller must not write its own.
 */
function handleUnrepresentable(schema, ctx, json, params, message) {
    const result = typeof ctx.unrepresentable === "function"
        ? ctx.unrepresentable({ zodSchema: schema, path: params.path, message })
        : ctx.unrepresentable;
    if (result === "any")
        return false;
    if (result === undefined || result === "throw")
        throw new Error(message);
    Object.assign(json, result);
    return true;
}
// never rename this back to `process`: bundler polyfills inject a top-level `const process` that a lexical declaration of the same name collides with (#6397)
function processSchema(schema, ctx, _params = { path: [], schemaPath: [] }) {
    var _a;
    const def = schema._zod.def;
    // check for schema in seens
    const seen = ctx.seen.get(schema);
    if (seen) {
        seen.count++;
        // check if cycle
        const isCycle = _params.schemaPath.includes(schema);
        if (isCycle) {
            seen.cycle = _params.path;
        }
        return seen.schema;
    }
    // initialize
    const result = { schema: {}, count: 1, cycle: undefined, path: _params.path };
    ctx.seen.set(schema, result);
    ctx.sharedDefsExtractedFor = undefined;
    ctx.sharedEmitDoneFor = undefined;
    // custom method overrides default behavior
    const overrideSchema = schema._zod.toJSONSchema?.();
    if (overrideSchema) {
        result.schema = overrideSchema;
    }
    else {
        const params = {
            ..._params,
            schemaPath: [..._params.schemaPath, schema],
            path: _params.path,
        };
        if (schema._zod.processJSONSchema) {
            schema._zod.processJSONSchema(ctx, result.schema, params);
        }
        else {
            const _json = result.schema;
            const processor = ctx.processors[def.type];
            if (!processor) {
                throw new Error(`[toJSONSchema]: Non-representable type encountered: ${def.type}`);
            }
            processor(schema, ctx, _json, params);
        }
        const parent = schema._zod.parent;
        if (parent) {
            // Also set ref if processor didn't (for inheritance)
            if (!result.ref)
                result.ref = parent;
            processSchema(parent, ctx, params);
            ctx.seen.get(parent).isParent = true;
        }
    }
    // metadata
    const meta = ctx.metadataRegistry.get(schema);
    if (meta)
        assignProps(result.schema, meta);
    if (ctx.io === "input" && isTransforming(schema)) {
        // examples/defaults only apply to output type of pipe
        delete result.schema.examples;
        delete result.schema.default;
    }
    // set prefault as default
    if (ctx.io === "input" && "_prefault" in result.schema)
        (_a = result.schema).default ?? (_a.default = result.schema._prefault);
    delete result.schema._prefault;
    // pulling fresh from ctx.seen in case it was overwritten
    const _result = ctx.seen.get(schema);
    return _result.schema;
}
// Escape a reference token for use in a JSON Pointer fragment (RFC 6901): `~` becomes `~0` and `/` becomes `~1`. The `~` replacement must run first.
function encodeJSONPointerSegment(segment) {
    return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
function extractDefs(ctx, schema
// params: EmitParams
) {
    // iterate over seen map;
    const root = ctx.seen.get(schema);
    if (!root)
        throw new Error("Unprocessed schema. This is a bug in Zod.");
    // With `external` set, every registered schema resolves through the external branch of `makeURI`, so the root branch below produces the same ref the external branch would — this pass is identical whichever schema it is called with, and only needs to run once.
    if (ctx.external && ctx.sharedDefsExtractedFor === ctx.external)
        return;
    // Track ids to detect duplicates across different schemas
    const idToSchema = new Map();
    for (const entry of ctx.seen.entries()) {
        const id = ctx.metadataRegistry.get(entry[0])?.id;
        if (id) {
            const existing = idToSchema.get(id);
            if (existing && existing !== entry[0]) {
                throw new Error(`Duplicate schema id "${id}" detected during JSON Schema conversion. Two different schemas cannot share the same id when converted together.`);
            }
            idToSchema.set(id, entry[0]);
        }
    }
    // returns a ref to the schema defId will be empty if the ref points to an external schema (or #)
    const makeURI = (entry) => {
        // comparing the seen objects because sometimes multiple schemas map to the same seen object. e.g. lazy
        // external is configured
        const defsSegment = ctx.target === "draft-2020-12" ? "$defs" : "definitions";
        if (ctx.external) {
            const externalId = ctx.external.registry.get(entry[0])?.id; // ?? "__shared";// `__schema${ctx.counter++}`;
            // check if schema is in the external registry
            const uriGenerator = ctx.external.uri ?? ((id) => id);
            if (externalId) {
                return { ref: uriGenerator(externalId) };
            }
            // otherwise, add to __shared
            const id = entry[1].defId ?? entry[1].schema.id ?? `schema${ctx.counter++}`;
            entry[1].defId = id; // set defId so it will be reused if needed
            return { defId: id, ref: `${uriGenerator("__shared")}#/${defsSegment}/${encodeJSONPointerSegment(id)}` };
        }
        const uriPrefix = `#`;
        const defUriPrefix = `${uriPrefix}/${defsSegment}/`;
        // an id-less root has nowhere to be extracted to, so it stays inline and self-references as `#`
        if (entry[1] === root && !entry[1].schema.id) {
            return { ref: uriPrefix };
        }
        // self-contained schema
        const defId = entry[1].schema.id ?? `__schema${ctx.counter++}`;
        return { defId, ref: defUriPrefix + encodeJSONPointerSegment(defId) };
    };
    // stored cached version in `def` property remove all properties, set $ref
    const extractToDef = (entry) => {
        // if the schema is already a reference, do not extract it
        if (entry[1].schema.$ref) {
            return;
        }
        const seen = entry[1];
        const { ref, defId } = makeURI(entry);
        seen.def = { ...seen.schema };
        // defId won't be set if the schema is a reference to an external schema or if the schema is the root schema
        if (defId)
            seen.defId = defId;
        // wipe away all properties except $ref
        const schema = seen.schema;
        for (const key in schema) {
            delete schema[key];
        }
        schema.$ref = ref;
    };
    // throw on cycles
    // break cycles
    if (ctx.cycles === "throw") {
        for (const entry of ctx.seen.entries()) {
            const seen = entry[1];
            if (seen.cycle) {
                throw new Error("Cycle detected: " +
                    `#/${seen.cycle?.join("/")}/<root>` +
                    '\n\nSet the `cycles` parameter to `"ref"` to resolve cyclical schemas with defs.');
            }
        }
    }
    // extract schemas into $defs
    for (const entry of ctx.seen.entries()) {
        const seen = entry[1];
        // convert root schema to # $ref
        if (schema === entry[0]) {
            extractToDef(entry); // this has special handling for the root schema
            continue;
        }
        // extract schemas that are in the external registry
        if (ctx.external) {
            const ext = ctx.external.registry.get(entry[0])?.id;
            if (schema !== entry[0] && ext) {
                extractToDef(entry);
                continue;
            }
        }
        // extract schemas with `id` meta
        const id = ctx.metadataRegistry.get(entry[0])?.id;
        if (id) {
            extractToDef(entry);
            continue;
        }
        // break cycles
        if (seen.cycle) {
            // any
            extractToDef(entry);
            continue;
        }
        // extract reused schemas
        if (seen.count > 1) {
            if (ctx.reused === "ref") {
                extractToDef(entry);
            }
        }
    }
    if (ctx.external)
        ctx.sharedDefsExtractedFor = ctx.external;
}
/** Rewrites `anyOf: [{type: "a"}, {type: "b"}]` to `type: ["a", "b"]`, which every JSON Schema draft treats as equivalent and most consumers render far better for the nullable case. Only branches that are a bare type assertion qualify — anything carrying a constraint, `$ref`, `const` or metadata is left alone. Runs after `flattenRef`, so a branch an override decorated or `$defs` extraction turned into a `$ref` is no longer bare and correctly stays in `anyOf`. `oneOf` is excluded: `integer` and `number` overlap, so "exactly one" and "at least one" are not the same there. OpenAPI 3.0 is excluded: its `type` must be a single string. */
function compactTypeUnion(schema) {
    const options = schema.anyOf;
    if (!Array.isArray(options) || options.length === 0 || schema.type !== undefined)
        return;
    const types = [];
    for (const option of options) {
        if (!option || typeof option !== "object")
            return;
        // A branch that is itself a compactible union folds into this one — nested `anyOf` and a flat `type` array say the same thing. Compacting it first also makes the result independent of the order this pass walks the seen map in.
        compactTypeUnion(option);
        const keys = Object.keys(option);
        if (keys.length !== 1 || keys[0] !== "type")
            return;
        const type = option.type;
        for (const member of Array.isArray(type) ? type : [type]) {
            if (typeof member !== "string")
                return;
            if (!types.includes(member))
                types.push(member);
        }
    }
    delete schema.anyOf;
    // A `type` array must be non-empty and unique (metaschema); a single member is spelled as a bare string.
    schema.type = types.length === 1 ? types[0] : types;
}
/** Keywords `foldIntersection` knows how to combine. Anything else — `$ref`, `patternProperties`,
 * an annotation like `description` — makes a member unfoldable, so a constraint this does not
 * understand leaves the `allOf` alone instead of being silently dropped or misattributed. */
const FOLDABLE_KEYS = new Set(["type", "properties", "required", "additionalProperties"]);
const UNION_KEYS = ["oneOf", "anyOf"];
/** A member's constraint on a key it does not declare itself. A `catchall` states one; `false`, an absent `additionalProperties`, and the empty schema a loose object emits state nothing. */
function undeclaredConstraint(member) {
    const extra = member.additionalProperties;
    if (extra === undefined || extra === false || typeof extra !== "object" || extra === null)
        return null;
    return Object.keys(extra).length ? extra : null;
}
/** Combines object members into the single object they describe together, or returns `null` if any of them carries a keyword outside {@link FOLDABLE_KEYS}. */
function foldObjects(members) {
    const objects = [];
    for (const member of members) {
        // A boolean subschema is legal JSON Schema and carries no keywords to fold.
        if (typeof member !== "object" || member.type !== "object")
            return null;
        for (const key in member) {
            if (!FOLDABLE_KEYS.has(key))
                return null;
        }
        objects.push(member);
    }
    const properties = {};
    const required = new Set();
    for (const object of objects) {
        for (const key in object.properties) {
            // `in` would report a `__proto__` key as already present via the prototype chain and skip it.
            if (Object.prototype.hasOwnProperty.call(properties, key))
                continue;
            // Every member constrains this key: the ones that declare it say how, and a `catchall` member constrains it too even though it does not name it. The key has to satisfy all of them, which is the same intersection one level down.
            const parts = [];
            for (const other of objects) {
                const part = other.properties?.[key] ?? undeclaredConstraint(other);
                if (part === null || part === undefined)
                    continue;
                if (!parts.some((seen) => JSON.stringify(seen) === JSON.stringify(part)))
                    parts.push(part);
            }
            const merged = parts.length === 1
                ? parts[0]
                : (foldObjects(parts) ?? { allOf: parts });
            assignProp(properties, key, merged);
        }
        for (const key of object.required ?? [])
            required.add(key);
    }
    const folded = { type: "object", properties };
    if (required.size)
        folded.required = [...required];
    // A key no member declares is rejected only when every member rejects it, so the fold is closed only when every member is. Otherwise it carries whatever the `catchall` members demand of such a key.
    if (objects.every((object) => object.additionalProperties === false)) {
        folded.additionalProperties = false;
    }
    else {
        const constraints = [];
        for (const object of objects) {
            const constraint = undeclaredConstraint(object);
            if (constraint && !constraints.some((seen) => JSON.stringify(seen) === JSON.stringify(constraint)))
                constraints.push(constraint);
        }
        if (constraints.length === 1)
            folded.additionalProperties = constraints[0];
        else if (constraints.length > 1)
            folded.additionalProperties = { allOf: constraints };
    }
    return folded;
}
/** `additionalProperties` in an `allOf` member sees only that member's own `properties`, so two
 * closed object members reject each other's keys and the schema validates nothing. Zod's parser
 * pools the key sets instead — `handleIntersectionResults` reports a key as unrecognized only when
 * *every* side rejects it — so the emitted schema has to pool them too, and folding the members
 * into one object is the encoding that says so on every target.
 *
 * This runs from `finalize`, after `extractDefs`, which is what keeps it clear of the `$ref`
 * machinery: a member extracted into `$defs` is already a `$ref` by now and declines to fold, so it
 * keeps its reference and its own closedness rather than being inlined as a stale copy. */
function foldIntersection(json) {
    const allOf = json.allOf;
    if (!Array.isArray(allOf) || allOf.length < 2)
        return;
    // An `override` runs before this pass and may have written object keywords onto the intersection itself. Those are deliberate, so decline rather than overwrite them.
    for (const key of FOLDABLE_KEYS)
        if (key in json)
            return;
    // An intersection distributes over a union: `A & (X | Y)` is `(A & X) | (A & Y)`. Only the first union is distributed over; a second one stays among the members every branch folds against, where it fails the object check and declines the whole intersection rather than multiplying out.
    const unions = allOf.filter((m) => UNION_KEYS.some((k) => Array.isArray(m[k])));
    let folded = null;
    if (!unions.length) {
        folded = foldObjects(allOf);
    }
    else {
        const union = unions[0];
        const keyword = UNION_KEYS.find((k) => Array.isArray(union[k]));
        if (Object.keys(union).length !== 1)
            return;
        const rest = allOf.filter((m) => m !== union);
        const branches = union[keyword].map((branch) => foldObjects([...rest, branch]));
        if (branches.some((b) => !b))
            return;
        folded = { [keyword]: branches };
    }
    if (!folded)
        return;
    delete json.allOf;
    assignProps(json, folded);
}
function finalize(ctx, schema) {
    const root = ctx.seen.get(schema);
    if (!root)
        throw new Error("Unprocessed schema. This is a bug in Zod.");
    // flatten refs - inherit properties from parent schemas
    const flattenRef = (zodSchema) => {
        const seen = ctx.seen.get(zodSchema);
        // already processed
        if (seen.ref === null)
            return;
        const schema = seen.def ?? seen.schema;
        const _cached = { ...schema };
        const ref = seen.ref;
        seen.ref = null; // prevent infinite recursion
        if (ref) {
            flattenRef(ref);
            const refSeen = ctx.seen.get(ref);
            const refSchema = refSeen.schema;
            // merge referenced schema into current
            if (refSchema.$ref && (ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0")) {
                // older drafts can't combine $ref with other properties
                schema.allOf = schema.allOf ?? [];
                schema.allOf.push(refSchema);
            }
            else {
                assignProps(schema, refSchema);
            }
            // restore child's own properties (child wins)
            assignProps(schema, _cached);
            const isParentRef = zodSchema._zod.parent === ref;
            // For parent chain, child is a refinement - remove parent-only properties
            if (isParentRef) {
                for (const key in schema) {
                    if (key === "$ref" || key === "allOf")
                        continue;
                    if (!(key in _cached)) {
                        delete schema[key];
                    }
                }
            }
            // When ref was extracted to $defs, remove properties that match the definition
            if (refSchema.$ref && refSeen.def) {
                for (const key in schema) {
                    if (key === "$ref" || key === "allOf")
                        continue;
                    if (key in refSeen.def && JSON.stringify(schema[key]) === JSON.stringify(refSeen.def[key])) {
                        delete schema[key];
                    }
                }
            }
        }
        // If parent was extracted (has $ref), propagate $ref to this schema. This handles cases like: readonly().meta({id}).describe() where processor sets ref to innerType but parent should be referenced
        const parent = zodSchema._zod.parent;
        if (parent && parent !== ref) {
            // Ensure parent is processed first so its def has inherited properties
            flattenRef(parent);
            const parentSeen = ctx.seen.get(parent);
            if (parentSeen?.schema.$ref) {
                schema.$ref = parentSeen.schema.$ref;
                // De-duplicate with parent's definition
                if (parentSeen.def) {
                    for (const key in schema) {
                        if (key === "$ref" || key === "allOf")
                            continue;
                        if (key in parentSeen.def && JSON.stringify(schema[key]) === JSON.stringify(parentSeen.def[key])) {
                            delete schema[key];
                        }
                    }
                }
            }
        }
        // execute overrides
        ctx.override({
            zodSchema: zodSchema,
            jsonSchema: schema,
            path: seen.path ?? [],
        });
    };
    // Flattening walks the whole map and clears each `ref` as it goes, so a second call over the same map is a no-op scan. Skip it outright once it has run for a registry conversion.
    if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) {
        for (const entry of [...ctx.seen.entries()].reverse()) {
            flattenRef(entry[0]);
        }
        if (ctx.target !== "openapi-3.0") {
            for (const entry of ctx.seen.entries()) {
                compactTypeUnion(entry[1].def ?? entry[1].schema);
            }
        }
        for (const rewrite of ctx.deferred)
            rewrite();
        // After flattening, every member that was extracted is a `$ref`, so the fold sees the final shape. A schema that inherits an intersection — through `z.lazy`, or any `ref` chain — holds the same `allOf` array, so fold by array identity to catch every copy.
        if (ctx.intersections.length) {
            const carriers = new Map();
            for (const seen of ctx.seen.values()) {
                for (const json of [seen.schema, seen.def]) {
                    const allOf = json?.allOf;
                    if (!Array.isArray(allOf))
                        continue;
                    const existing = carriers.get(allOf);
                    if (existing)
                        existing.push(json);
                    else
                        carriers.set(allOf, [json]);
                }
            }
            for (const allOf of ctx.intersections) {
                for (const json of carriers.get(allOf) ?? [])
                    foldIntersection(json);
            }
        }
    }
    const result = {};
    if (ctx.target === "draft-2020-12") {
        result.$schema = "https://json-schema.org/draft/2020-12/schema";
    }
    else if (ctx.target === "draft-07") {
        result.$schema = "http://json-schema.org/draft-07/schema#";
    }
    else if (ctx.target === "draft-04") {
        result.$schema = "http://json-schema.org/draft-04/schema#";
    }
    else if (ctx.target === "openapi-3.0") ;
    else ;
    if (ctx.external?.uri) {
        const id = ctx.external.registry.get(schema)?.id;
        if (!id)
            throw new Error("Schema is missing an `id` property");
        result.$id = ctx.external.uri(id);
    }
    // when the root was extracted into $defs, `root.schema` is the `$ref` wrapper and `root.def` is the body that now lives under $defs
    assignProps(result, root.defId ? root.schema : (root.def ?? root.schema));
    // The `id` in `.meta()` is a Zod-specific registration tag used to extract schemas into $defs — it is not user-facing JSON Schema metadata. Strip it from the output body where it would otherwise leak. The id is preserved implicitly via the $defs key (and via $ref paths).
    const rootMetaId = ctx.metadataRegistry.get(schema)?.id;
    if (rootMetaId !== undefined && result.id === rootMetaId)
        delete result.id;
    // build defs object. With `external`, `defs` is the shared object every schema writes into, so the same entries are reassigned on every call. Without it, `defs` is fresh per call and must be rebuilt.
    const defs = ctx.external?.defs ?? {};
    if (!ctx.external || ctx.sharedEmitDoneFor !== ctx.external) {
        for (const entry of ctx.seen.entries()) {
            const seen = entry[1];
            if (seen.def && seen.defId) {
                if (seen.def.id === seen.defId)
                    delete seen.def.id;
                assignProp(defs, seen.defId, seen.def);
            }
        }
    }
    if (ctx.external)
        ctx.sharedEmitDoneFor = ctx.external;
    // set definitions in result
    if (ctx.external) ;
    else {
        if (Object.keys(defs).length > 0) {
            if (ctx.target === "draft-2020-12") {
                result.$defs = defs;
            }
            else {
                result.definitions = defs;
            }
        }
    }
    try {
        // this "finalizes" this schema and ensures all cycles are removed each call to finalize() is functionally independent though the seen map is shared
        const finalized = JSON.parse(JSON.stringify(result));
        Object.defineProperty(finalized, "~standard", {
            value: {
                ...schema["~standard"],
                jsonSchema: {
                    input: createStandardJSONSchemaMethod(schema, "input", ctx.processors),
                    output: createStandardJSONSchemaMethod(schema, "output", ctx.processors),
                },
            },
            enumerable: false,
            writable: false,
        });
        return finalized;
    }
    catch (_err) {
        throw new Error("Error converting schema to JSON.");
    }
}
function isTransforming(_schema, _ctx) {
    const ctx = _ctx ?? { seen: new Set() };
    if (ctx.seen.has(_schema))
        return false;
    ctx.seen.add(_schema);
    const def = _schema._zod.def;
    if (def.type === "transform")
        return true;
    if (def.type === "array")
        return isTransforming(def.element, ctx);
    if (def.type === "set")
        return isTransforming(def.valueType, ctx);
    if (def.type === "lazy")
        return isTransforming(def.getter(), ctx);
    if (def.type === "promise" ||
        def.type === "optional" ||
        def.type === "nonoptional" ||
        def.type === "nullable" ||
        def.type === "readonly" ||
        def.type === "default" ||
        def.type === "prefault" ||
        def.type === "catch") {
        return isTransforming(def.innerType, ctx);
    }
    if (def.type === "intersection") {
        return isTransforming(def.left, ctx) || isTransforming(def.right, ctx);
    }
    if (def.type === "record" || def.type === "map") {
        return isTransforming(def.keyType, ctx) || isTransforming(def.valueType, ctx);
    }
    if (def.type === "pipe") {
        if (_schema._zod.traits.has("$ZodCodec"))
            return true;
        return isTransforming(def.in, ctx) || isTransforming(def.out, ctx);
    }
    if (def.type === "object") {
        for (const key in def.shape) {
            if (isTransforming(def.shape[key], ctx))
                return true;
        }
        return false;
    }
    if (def.type === "union") {
        for (const option of def.options) {
            if (isTransforming(option, ctx))
                return true;
        }
        return false;
    }
    if (def.type === "tuple") {
        for (const item of def.items) {
            if (isTransforming(item, ctx))
                return true;
        }
        if (def.rest && isTransforming(def.rest, ctx))
            return true;
        return false;
    }
    return false;
}
/**
 * Creates a toJSONSchema method for a schema instance.
 * This encapsulates the logic of initializing context, processing, extracting defs, and finalizing.
 */
const createToJSONSchemaMethod = (schema, processors = {}) => (params) => {
    const ctx = initializeContext({ ...params, processors });
    processSchema(schema, ctx);
    extractDefs(ctx, schema);
    return finalize(ctx, schema);
};
const createStandardJSONSchemaMethod = (schema, io, processors = {}) => (params) => {
    const { libraryOptions, target } = params ?? {};
    const ctx = initializeContext({ ...(libraryOptions ?? {}), target, io, processors });
    processSchema(schema, ctx);
    extractDefs(ctx, schema);
    return finalize(ctx, schema);
};

const narrowMin = (agg, key, value) => {
    if (agg[key] === undefined || value > agg[key])
        agg[key] = value;
};
const narrowMax = (agg, key, value) => {
    if (agg[key] === undefined || value < agg[key])
        agg[key] = value;
};
const narrowBoth = (agg, value) => {
    narrowMin(agg, "minimum", value);
    narrowMax(agg, "maximum", value);
};
const addDivisor = (agg, value) => {
    agg.multipleOf ?? (agg.multipleOf = []);
    if (!agg.multipleOf.includes(value))
        agg.multipleOf.push(value);
};
const addPattern = (agg, pattern) => {
    agg.patterns ?? (agg.patterns = new Set());
    agg.patterns.add(pattern);
};
const intersectMime = (agg, mime) => {
    agg.mime = agg.mime ? agg.mime.filter((m) => mime.includes(m)) : [...mime];
};
// last-wins, matching the bag's historical write order; the flag keeps an integer format from being lost to a later float one
const setFormat = (agg, format) => {
    agg.format = format;
    if (format.includes("int"))
        agg.isInt = true;
};
const minContributor = (agg, def) => narrowMin(agg, "minimum", def.minimum);
const maxContributor = (agg, def) => narrowMax(agg, "maximum", def.maximum);
const formatContributor = (ranges) => (agg, def) => {
    setFormat(agg, def.format);
    const [minimum, maximum] = ranges[def.format];
    narrowMin(agg, "minimum", minimum);
    narrowMax(agg, "maximum", maximum);
};
const contributors = {
    greater_than: (agg, def) => narrowMin(agg, def.inclusive ? "minimum" : "exclusiveMinimum", def.value),
    less_than: (agg, def) => narrowMax(agg, def.inclusive ? "maximum" : "exclusiveMaximum", def.value),
    multiple_of: (agg, def) => addDivisor(agg, def.value),
    number_format: formatContributor(NUMBER_FORMAT_RANGES),
    bigint_format: formatContributor(BIGINT_FORMAT_RANGES),
    min_length: minContributor,
    max_length: maxContributor,
    length_equals: (agg, def) => narrowBoth(agg, def.length),
    min_size: minContributor,
    max_size: maxContributor,
    size_equals: (agg, def) => narrowBoth(agg, def.size),
    string_format: (agg, def) => {
        setFormat(agg, def.format);
        if (def.pattern)
            addPattern(agg, def.pattern);
        if (def.format === "base64" || def.format === "base64url")
            agg.contentEncoding = def.format;
        if (def.local || def.precision === -1)
            agg.laxFormat = true;
    },
    mime_type: (agg, def) => intersectMime(agg, def.mime),
};
function aggregateChecks(schema) {
    const agg = {};
    const def = schema._zod.def;
    // a format schema is its own first check, same rule as $ZodType init
    const list = schema._zod.traits.has("$ZodCheck")
        ? [schema, ...(def.checks ?? [])]
        : (def.checks ?? []);
    for (const ch of list)
        contributors[ch._zod.def.check]?.(agg, ch._zod.def);
    // reconcile with the bag so third-party onattach contributions still land; first-party residue is never tighter than the fold, so merging it back is idempotent for one and additive for the other
    const bag = schema._zod.bag;
    if (bag.minimum !== undefined)
        narrowMin(agg, "minimum", bag.minimum);
    if (bag.exclusiveMinimum !== undefined)
        narrowMin(agg, "exclusiveMinimum", bag.exclusiveMinimum);
    if (bag.maximum !== undefined)
        narrowMax(agg, "maximum", bag.maximum);
    if (bag.exclusiveMaximum !== undefined)
        narrowMax(agg, "exclusiveMaximum", bag.exclusiveMaximum);
    if (bag.multipleOf !== undefined)
        addDivisor(agg, bag.multipleOf);
    if (bag.format !== undefined) {
        agg.format ?? (agg.format = bag.format);
        if (bag.format.includes("int"))
            agg.isInt = true;
    }
    if (bag.mime)
        intersectMime(agg, bag.mime);
    for (const pattern of bag.patterns ?? [])
        addPattern(agg, pattern);
    return agg;
}
const formatMap = {
    guid: "uuid",
    url: "uri",
    datetime: "date-time",
    json_string: "json-string",
    regex: "", // do not set
};
// ==================== SIMPLE TYPE PROCESSORS ====================
// the runtime patterns are lax so parse paths never overflow the regex stack; the emitted schema swaps in the exact block forms, which zod itself never executes
const exactPatterns = new Map([
    [base64Charset, base64],
    [base64urlCharset, base64url],
]);
const exactPattern = (p) => exactPatterns.get(p) ?? p;
const stringProcessor = (schema, ctx, _json, _params) => {
    const json = _json;
    json.type = "string";
    const { minimum, maximum, format, patterns, contentEncoding, laxFormat } = aggregateChecks(schema);
    if (typeof minimum === "number")
        json.minLength = minimum;
    if (typeof maximum === "number")
        json.maxLength = maximum;
    // custom pattern overrides format
    if (format) {
        json.format = formatMap[format] ?? format;
        if (json.format === "")
            delete json.format; // empty format is not valid
        // `z.iso.time()` is never full-time, and `laxFormat` carries the datetime shapes that also accept what their keyword forbids
        if (format === "time" || laxFormat) {
            delete json.format;
        }
    }
    if (contentEncoding)
        json.contentEncoding = contentEncoding;
    if (patterns && patterns.size > 0) {
        const patternList = [...patterns].map(exactPattern);
        if (patternList.length === 1)
            json.pattern = patternList[0].source;
        else if (patternList.length > 1) {
            json.allOf = [
                ...patternList.map((regex) => ({
                    ...(ctx.target === "draft-07" || ctx.target === "draft-04" || ctx.target === "openapi-3.0"
                        ? { type: "string" }
                        : {}),
                    pattern: regex.source,
                })),
            ];
        }
    }
};
const numberProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const { minimum, maximum, multipleOf, exclusiveMaximum, exclusiveMinimum, isInt } = aggregateChecks(schema);
    json.type = isInt ? "integer" : "number";
    // when both minimum and exclusiveMinimum exist, pick the more restrictive one
    const exMin = typeof exclusiveMinimum === "number" && exclusiveMinimum >= (minimum ?? Number.NEGATIVE_INFINITY);
    const exMax = typeof exclusiveMaximum === "number" && exclusiveMaximum <= (maximum ?? Number.POSITIVE_INFINITY);
    const legacy = ctx.target === "draft-04" || ctx.target === "openapi-3.0";
    if (exMin) {
        if (legacy) {
            json.minimum = exclusiveMinimum;
            json.exclusiveMinimum = true;
        }
        else {
            json.exclusiveMinimum = exclusiveMinimum;
        }
    }
    else if (typeof minimum === "number") {
        json.minimum = minimum;
    }
    if (exMax) {
        if (legacy) {
            json.maximum = exclusiveMaximum;
            json.exclusiveMaximum = true;
        }
        else {
            json.exclusiveMaximum = exclusiveMaximum;
        }
    }
    else if (typeof maximum === "number") {
        json.maximum = maximum;
    }
    if (multipleOf) {
        // JSON Schema requires a divisor strictly greater than zero, and a non-finite one does not survive JSON at all. A negative divisor accepts exactly what its absolute value accepts, so it still maps; zero, NaN and Infinity have no keyword form.
        const divisors = new Set();
        for (const divisor of multipleOf) {
            if (Number.isFinite(divisor) && divisor !== 0)
                divisors.add(Math.abs(divisor));
            else
                handleUnrepresentable(schema, ctx, json, params, `A multipleOf divisor of ${divisor} cannot be represented in JSON Schema`);
        }
        // chained divisors are a conjunction the keyword cannot carry alone, so extras ride an allOf, same as stacked patterns
        const [first, ...rest] = divisors;
        if (first !== undefined)
            json.multipleOf = first;
        if (rest.length)
            json.allOf = [...(json.allOf ?? []), ...rest.map((m) => ({ multipleOf: m }))];
    }
};
const booleanProcessor = (_schema, _ctx, json, _params) => {
    json.type = "boolean";
};
const bigintProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "BigInt cannot be represented in JSON Schema");
};
const symbolProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Symbols cannot be represented in JSON Schema");
};
const nullProcessor = (_schema, ctx, json, _params) => {
    if (ctx.target === "openapi-3.0") {
        json.type = "string";
        json.nullable = true;
        json.enum = [null];
    }
    else {
        json.type = "null";
    }
};
const undefinedProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Undefined cannot be represented in JSON Schema");
};
const voidProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Void cannot be represented in JSON Schema");
};
const neverProcessor = (_schema, _ctx, json, _params) => {
    json.not = {};
};
const anyProcessor = (_schema, _ctx, _json, _params) => {
    // empty schema accepts anything
};
const unknownProcessor = (_schema, _ctx, _json, _params) => {
    // empty schema accepts anything
};
const dateProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Date cannot be represented in JSON Schema");
};
const enumProcessor = (schema, _ctx, json, _params) => {
    const def = schema._zod.def;
    const values = getEnumValues(def.entries);
    // an empty enum accepts nothing, same as z.never()
    if (values.length === 0) {
        json.not = {};
        return;
    }
    // Number enums can have both string and number values
    if (values.every((v) => typeof v === "number"))
        json.type = "number";
    if (values.every((v) => typeof v === "string"))
        json.type = "string";
    json.enum = values;
};
const literalProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    // a literal with no values accepts nothing, same as z.never()
    if (def.values.length === 0) {
        json.not = {};
        return;
    }
    const vals = [];
    for (const val of def.values) {
        if (val === undefined) {
            // a custom schema replaces the whole literal, so there is nothing left to accumulate
            if (handleUnrepresentable(schema, ctx, json, params, "Literal `undefined` cannot be represented in JSON Schema"))
                return;
            // otherwise do not add to vals
        }
        else if (typeof val === "bigint") {
            if (handleUnrepresentable(schema, ctx, json, params, "BigInt literals cannot be represented in JSON Schema"))
                return;
            vals.push(Number(val));
        }
        else {
            vals.push(val);
        }
    }
    if (vals.length === 0) ;
    else if (vals.length === 1) {
        const val = vals[0];
        json.type = val === null ? "null" : typeof val;
        if (ctx.target === "draft-04" || ctx.target === "openapi-3.0") {
            json.enum = [val];
        }
        else {
            json.const = val;
        }
    }
    else {
        if (vals.every((v) => typeof v === "number"))
            json.type = "number";
        if (vals.every((v) => typeof v === "string"))
            json.type = "string";
        if (vals.every((v) => typeof v === "boolean"))
            json.type = "boolean";
        if (vals.every((v) => v === null))
            json.type = "null";
        json.enum = vals;
    }
};
const nanProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "NaN cannot be represented in JSON Schema");
};
const templateLiteralProcessor = (schema, _ctx, json, _params) => {
    const _json = json;
    const pattern = schema._zod.pattern;
    if (!pattern)
        throw new Error("Pattern not found in template literal");
    _json.type = "string";
    _json.pattern = pattern.source;
};
const fileProcessor = (schema, _ctx, json, _params) => {
    const _json = json;
    _json.type = "string";
    _json.format = "binary";
    _json.contentEncoding = "binary";
    const { minimum, maximum, mime } = aggregateChecks(schema);
    if (minimum !== undefined)
        _json.minLength = minimum;
    if (maximum !== undefined)
        _json.maxLength = maximum;
    if (!mime)
        return;
    // an empty intersection means the mime checks share no value, so nothing passes at runtime; `anyOf` must be non-empty, so the false schema is `not: {}`
    if (mime.length === 0)
        _json.not = {};
    else if (mime.length === 1)
        _json.contentMediaType = mime[0];
    // only contentMediaType differs, so the shared props stay at the root
    else
        _json.anyOf = mime.map((m) => ({ contentMediaType: m }));
};
const successProcessor = (_schema, _ctx, json, _params) => {
    json.type = "boolean";
};
const customProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Custom types cannot be represented in JSON Schema");
};
const functionProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Function types cannot be represented in JSON Schema");
};
const transformProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Transforms cannot be represented in JSON Schema");
};
const mapProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Map cannot be represented in JSON Schema");
};
const setProcessor = (schema, ctx, json, params) => {
    handleUnrepresentable(schema, ctx, json, params, "Set cannot be represented in JSON Schema");
};
// ==================== COMPOSITE TYPE PROCESSORS ====================
const arrayProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    const { minimum, maximum } = aggregateChecks(schema);
    if (typeof minimum === "number")
        json.minItems = minimum;
    if (typeof maximum === "number")
        json.maxItems = maximum;
    json.type = "array";
    json.items = processSchema(def.element, ctx, {
        ...params,
        path: [...params.path, "items"],
    });
};
// Transform and catch set `optin = "optional"` at runtime so the parser lets them observe an
// absent key, but their declared input type stays required. An input JSON Schema describes the
// declared type, so resolve past them to the schema that actually carries the optionality.
// Used by both `objectProcessor` (for `required`) and `tupleProcessor` (for `minItems`); see
// wiki/optionality.md, "The JSON Schema emitter reads the *static* value".
function inputOptin(schema) {
    const def = schema._zod.def;
    if (def.type === "pipe" && def.in._zod.traits.has("$ZodTransform")) {
        return inputOptin(def.out);
    }
    if (def.type === "catch") {
        return inputOptin(def.innerType);
    }
    return schema._zod.optin;
}
const objectProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    const shape = def.shape;
    // dropping it while still emitting `additionalProperties: false` would emit a schema that rejects data this one requires
    const symbolKeys = Object.getOwnPropertySymbols(shape);
    if (symbolKeys.length &&
        handleUnrepresentable(schema, ctx, json, params, "Symbol keys cannot be represented in JSON Schema")) {
        return;
    }
    json.type = "object";
    json.properties = {};
    for (const key in shape) {
        // assignProp so a __proto__ key becomes an own property instead of hitting the inherited setter on the plain {} we build into
        assignProp(json.properties, key, processSchema(shape[key], ctx, {
            ...params,
            path: [...params.path, "properties", key],
        }));
    }
    // required keys
    const requiredKeys = [];
    for (const key of Object.keys(shape)) {
        const field = def.shape[key];
        if (ctx.io === "input" ? inputOptin(field) === undefined : field._zod.optout === undefined) {
            requiredKeys.push(key);
        }
    }
    if (requiredKeys.length > 0) {
        json.required = requiredKeys;
    }
    // catchall
    if (def.catchall?._zod.def.type === "never") {
        // strict
        json.additionalProperties = false;
    }
    else if (!def.catchall) {
        // regular
        if (ctx.io === "output")
            json.additionalProperties = false;
    }
    else if (def.catchall) {
        json.additionalProperties = processSchema(def.catchall, ctx, {
            ...params,
            path: [...params.path, "additionalProperties"],
        });
    }
};
const unionProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    // Exclusive unions (inclusive === false) use oneOf (exactly one match) instead of anyOf (one or more matches). This includes both z.xor() and discriminated unions
    const isExclusive = def.inclusive === false;
    const options = def.options.map((x, i) => processSchema(x, ctx, {
        ...params,
        path: [...params.path, isExclusive ? "oneOf" : "anyOf", i],
    }));
    if (isExclusive) {
        json.oneOf = options;
    }
    else {
        json.anyOf = options;
    }
};
const intersectionProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    const a = processSchema(def.left, ctx, {
        ...params,
        path: [...params.path, "allOf", 0],
    });
    const b = processSchema(def.right, ctx, {
        ...params,
        path: [...params.path, "allOf", 1],
    });
    const isSimpleIntersection = (val) => "allOf" in val && Object.keys(val).length === 1;
    const allOf = [
        ...(isSimpleIntersection(a) ? a.allOf : [a]),
        ...(isSimpleIntersection(b) ? b.allOf : [b]),
    ];
    json.allOf = allOf;
    // Recorded innermost first, so a nested intersection has already folded by the time this one is considered. The array is the handle rather than the schema, because a wrapper that inherits this schema shares the same array; `finalize` folds every object holding it. See `foldIntersection`.
    ctx.intersections.push(allOf);
};
const tupleProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    json.type = "array";
    const prefixPath = ctx.target === "draft-2020-12" ? "prefixItems" : "items";
    const restPath = ctx.target === "draft-2020-12" ? "items" : ctx.target === "openapi-3.0" ? "items" : "additionalItems";
    const prefixItems = def.items.map((x, i) => processSchema(x, ctx, {
        ...params,
        path: [...params.path, prefixPath, i],
    }));
    const rest = def.rest
        ? processSchema(def.rest, ctx, {
            ...params,
            path: [...params.path, restPath, ...(ctx.target === "openapi-3.0" ? [def.items.length] : [])],
        })
        : null;
    let minItems = def.items.length;
    while (minItems > 0) {
        const item = def.items[minItems - 1];
        const optional = ctx.io === "input" ? inputOptin(item) !== undefined : item._zod.optout === "optional";
        if (!optional)
            break;
        minItems--;
    }
    const maxItems = def.items.length;
    const isClosed = !def.rest;
    if (ctx.target === "draft-2020-12") {
        json.prefixItems = prefixItems;
        if (isClosed) {
            json.items = false;
        }
        else if (rest) {
            json.items = rest;
        }
        if (minItems > 0)
            json.minItems = minItems;
        if (isClosed)
            json.maxItems = maxItems;
    }
    else if (ctx.target === "openapi-3.0") {
        json.items = {
            anyOf: prefixItems,
        };
        if (rest) {
            json.items.anyOf.push(rest);
        }
        if (minItems > 0)
            json.minItems = minItems;
        if (isClosed)
            json.maxItems = maxItems;
    }
    else {
        json.items = prefixItems;
        if (isClosed) {
            json.additionalItems = false;
        }
        else if (rest) {
            json.additionalItems = rest;
        }
        if (minItems > 0)
            json.minItems = minItems;
        if (isClosed)
            json.maxItems = maxItems;
    }
    // explicit user-defined length checks take precedence
    const { minimum, maximum } = aggregateChecks(schema);
    if (typeof minimum === "number")
        json.minItems = minimum;
    if (typeof maximum === "number")
        json.maxItems = maximum;
};
/** JSON object keys are always strings, so a numeric record key schema is re-expressed over the
 * numeric-string form the record parser matches. Deferred to `finalize`, after the flatten: a key
 * behind a wrapper only carries its own `type` before then, and a union key only has its branches.
 *
 * A numeric bound cannot apply to a property name, so `minimum` and its siblings are dropped rather
 * than carried over: keeping them beside `type: "string"` reproduces the match-nothing schema this
 * exists to fix. A key that carries one therefore emits wider than the record parses — `z.record(z.number().min(5), V)`
 * accepts `"3"` — which is the deliberate trade, since throwing on it would reject an ordinary schema
 * outright. */
function stringifyKeyNames(bySchema, json, visited) {
    // an extracted key that rewrites cannot go on sharing its definition — the string form a key position needs is not the number form every other reference wants — so it inlines. One that does not rewrite keeps the `$ref`.
    if (json.$ref) {
        // a recursive key holds its own reference inside its definition, so a node already on the path is left alone rather than resolved again
        if (visited.has(json))
            return json;
        visited.add(json);
        const def = bySchema.get(json)?.def;
        if (!def)
            return json;
        const inlined = stringifyKeyNames(bySchema, def, visited);
        return inlined === def ? json : inlined;
    }
    for (const keyword of ["anyOf", "oneOf"]) {
        const branches = json[keyword];
        if (!Array.isArray(branches))
            continue;
        const mapped = branches.map((branch) => stringifyKeyNames(bySchema, branch, visited));
        // rebuilding regardless would detach a key that had nothing to re-express, dropping its `$ref` and leaking the internal `id`
        if (mapped.some((branch, i) => branch !== branches[i]))
            json = { ...json, [keyword]: mapped };
    }
    // a member that already admits a string leaves the key unconstrained, so the node's own type re-expresses only when every member is numeric
    const types = Array.isArray(json.type) ? json.type : [json.type];
    const numericType = !types.includes("string") && types.some((t) => t === "number" || t === "integer");
    // a heterogeneous key carries no type at all, so its numeric members are caught here instead
    const values = json.enum ?? (json.const !== undefined ? [json.const] : undefined);
    if (!numericType && !values?.some((v) => typeof v === "number"))
        return json;
    const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, format, id, ...rest } = json;
    if (rest.enum)
        rest.enum = rest.enum.map((v) => (typeof v === "number" ? String(v) : v));
    else if (typeof rest.const === "number")
        rest.const = String(rest.const);
    // a heterogeneous key keeps its absent type: the stringified members already say what a key may be
    if (!numericType)
        return rest;
    rest.type = "string";
    if (!values)
        rest.pattern = (types.includes("number") ? number$1 : integer).source;
    return rest;
}
/** Every record of one conversion, so the carriers are found in a single pass rather than once per record. */
const pendingRecords = new WeakMap();
function rewriteKeyNames(ctx) {
    // an extracted key is resolved by the object `extractToDef` left in its place, so the map is built once rather than searched per reference. `_zod.toJSONSchema` can hand the same object to two schemas, so the first entry carrying a body wins, as a search would have found it.
    const bySchema = new Map();
    for (const entry of ctx.seen.values()) {
        if (entry.def && !bySchema.has(entry.schema))
            bySchema.set(entry.schema, entry);
    }
    const rewrites = new Map();
    for (const record of pendingRecords.get(ctx) ?? []) {
        const seen = ctx.seen.get(record);
        const names = (seen?.def ?? seen?.schema)?.propertyNames;
        if (!names || names === true || rewrites.has(names))
            continue;
        const rewritten = stringifyKeyNames(bySchema, names, new Set());
        if (rewritten !== names)
            rewrites.set(names, rewritten);
    }
    if (!rewrites.size)
        return;
    // the flatten has already copied each record's own properties onto every wrapper by reference, and an extracted body is another such copy, so every carrier holding a rewritten key is updated together
    for (const entry of ctx.seen.values()) {
        for (const carrier of [entry.schema, entry.def]) {
            const rewritten = carrier && rewrites.get(carrier.propertyNames);
            if (rewritten)
                carrier.propertyNames = rewritten;
        }
    }
}
const recordProcessor = (schema, ctx, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    json.type = "object";
    // For looseRecord with regex patterns, use patternProperties. This correctly represents "only validate keys matching the pattern" semantics and composes well with allOf (intersections)
    const keyType = def.keyType;
    const patterns = aggregateChecks(keyType).patterns;
    if (def.mode === "loose" && patterns && patterns.size > 0) {
        // Use patternProperties for looseRecord with regex patterns
        const valueSchema = processSchema(def.valueType, ctx, {
            ...params,
            path: [...params.path, "patternProperties", "*"],
        });
        json.patternProperties = {};
        for (const pattern of patterns) {
            assignProp(json.patternProperties, exactPattern(pattern).source, valueSchema);
        }
    }
    else {
        // Default behavior: use propertyNames + additionalProperties
        if (ctx.target === "draft-07" || ctx.target === "draft-2020-12") {
            json.propertyNames = processSchema(def.keyType, ctx, {
                ...params,
                path: [...params.path, "propertyNames"],
            });
            let pending = pendingRecords.get(ctx);
            if (!pending) {
                pending = [];
                pendingRecords.set(ctx, pending);
                ctx.deferred.push(() => rewriteKeyNames(ctx));
            }
            pending.push(schema);
        }
        json.additionalProperties = processSchema(def.valueType, ctx, {
            ...params,
            path: [...params.path, "additionalProperties"],
        });
    }
    // Add required for keys with discrete values (enum, literal, etc.)
    const keyValues = keyType._zod.values;
    // Every key shares one value schema, so an optional-in value makes the whole key set omittable on input. Output keeps them: the exhaustive branch assigns every key, even one whose value came back undefined.
    const omittableOnInput = ctx.io === "input" && inputOptin(def.valueType) !== undefined;
    if (keyValues && !def.partial && !omittableOnInput) {
        const validKeyValues = [...keyValues].filter((v) => typeof v === "string" || typeof v === "number");
        if (validKeyValues.length > 0) {
            json.required = validKeyValues.map(String);
        }
    }
};
const nullableProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    const inner = processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    if (ctx.target === "openapi-3.0") {
        seen.ref = def.innerType;
        json.nullable = true;
    }
    else {
        json.anyOf = [inner, { type: "null" }];
    }
};
const nonoptionalProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
};
/** Round-trips a default value through JSON so the emitted schema is guaranteed to be valid JSON.
 * A BigInt has no reliable encoding, so it goes through `unrepresentable` like any other
 * unrepresentable value. Returns a sentinel when the caller must not write a default of its own. */
const UNREPRESENTABLE_DEFAULT = Symbol();
function serializeDefaultValue(value, schema, ctx, json, params) {
    let unrepresentable = false;
    const serialized = JSON.stringify(value, (_, val) => {
        if (typeof val !== "bigint")
            return val;
        unrepresentable = true;
        return null;
    });
    if (!unrepresentable)
        return JSON.parse(serialized);
    handleUnrepresentable(schema, ctx, json, params, "BigInt defaults cannot be represented in JSON Schema");
    return UNREPRESENTABLE_DEFAULT;
}
const defaultProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    const value = serializeDefaultValue(def.defaultValue, schema, ctx, json, params);
    if (value !== UNREPRESENTABLE_DEFAULT)
        json.default = value;
};
const prefaultProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    if (ctx.io !== "input")
        return;
    const value = serializeDefaultValue(def.defaultValue, schema, ctx, json, params);
    if (value !== UNREPRESENTABLE_DEFAULT)
        json._prefault = value;
};
const catchProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    let catchValue;
    try {
        catchValue = def.catchValue(undefined);
    }
    catch {
        handleUnrepresentable(schema, ctx, json, params, "Dynamic catch values are not supported in JSON Schema");
        return;
    }
    json.default = catchValue;
};
const pipeProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    const inIsTransform = def.in._zod.traits.has("$ZodTransform");
    const innerType = ctx.io === "input" ? (inIsTransform ? def.out : def.in) : def.out;
    processSchema(innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = innerType;
};
const readonlyProcessor = (schema, ctx, json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
    json.readOnly = true;
};
const promiseProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
};
const optionalProcessor = (schema, ctx, _json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = def.innerType;
};
const lazyProcessor = (schema, ctx, _json, params) => {
    const innerType = schema._zod.innerType;
    processSchema(innerType, ctx, params);
    const seen = ctx.seen.get(schema);
    seen.ref = innerType;
};
// ==================== ALL PROCESSORS ====================
const allProcessors = {
    string: stringProcessor,
    number: numberProcessor,
    boolean: booleanProcessor,
    bigint: bigintProcessor,
    symbol: symbolProcessor,
    null: nullProcessor,
    undefined: undefinedProcessor,
    void: voidProcessor,
    never: neverProcessor,
    any: anyProcessor,
    unknown: unknownProcessor,
    date: dateProcessor,
    enum: enumProcessor,
    literal: literalProcessor,
    nan: nanProcessor,
    template_literal: templateLiteralProcessor,
    file: fileProcessor,
    success: successProcessor,
    custom: customProcessor,
    function: functionProcessor,
    transform: transformProcessor,
    map: mapProcessor,
    set: setProcessor,
    array: arrayProcessor,
    object: objectProcessor,
    union: unionProcessor,
    intersection: intersectionProcessor,
    tuple: tupleProcessor,
    record: recordProcessor,
    nullable: nullableProcessor,
    nonoptional: nonoptionalProcessor,
    default: defaultProcessor,
    prefault: prefaultProcessor,
    catch: catchProcessor,
    pipe: pipeProcessor,
    readonly: readonlyProcessor,
    promise: promiseProcessor,
    optional: optionalProcessor,
    lazy: lazyProcessor,
};
function toJSONSchema(input, params) {
    if ("_idmap" in input) {
        // Registry case
        const registry = input;
        const ctx = initializeContext({ ...params, processors: allProcessors });
        const defs = {};
        // First pass: process all schemas to build the seen map
        for (const entry of registry._idmap.entries()) {
            const [_, schema] = entry;
            processSchema(schema, ctx);
        }
        const schemas = {};
        const external = {
            registry,
            uri: params?.uri,
            defs,
        };
        // Update the context with external configuration
        ctx.external = external;
        // Second pass: emit each schema
        for (const entry of registry._idmap.entries()) {
            const [key, schema] = entry;
            extractDefs(ctx, schema);
            assignProp(schemas, key, finalize(ctx, schema));
        }
        if (Object.keys(defs).length > 0) {
            const defsSegment = ctx.target === "draft-2020-12" ? "$defs" : "definitions";
            schemas.__shared = {
                [defsSegment]: defs,
            };
        }
        return { schemas };
    }
    // Single schema case
    const ctx = initializeContext({ ...params, processors: allProcessors });
    processSchema(input, ctx);
    extractDefs(ctx, input);
    return finalize(ctx, input);
}

/* Prototypes that already carry the lazy helper methods. Seeded with the
 * intrinsics so that `init` on a foreign object — it accepts any object —
 * can never install an accessor onto a prototype we do not own. */
const _installedErrorProtos = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
/* Helper methods live as non-enumerable lazy getters on the shared
 * prototype instead of own properties on every instance. On first
 * access the getter allocates the per-instance closure and caches it
 * as a non-enumerable own property, so detached usage still works and
 * the allocation only happens for methods actually touched. */
function _lazyMethod(proto, key, make) {
    Object.defineProperty(proto, key, {
        configurable: true,
        enumerable: false,
        get() {
            const value = make(this);
            Object.defineProperty(this, key, { value, configurable: true, writable: true });
            return value;
        },
        set(value) {
            Object.defineProperty(this, key, { value, configurable: true, writable: true });
        },
    });
}
const initializer = (inst, issues) => {
    $ZodError.init(inst, issues);
    inst.name = "ZodError";
    const proto = Object.getPrototypeOf(inst);
    if (_installedErrorProtos.has(proto))
        return;
    _installedErrorProtos.add(proto);
    _lazyMethod(proto, "format", (self) => (mapper) => formatError(self, mapper));
    _lazyMethod(proto, "flatten", (self) => (mapper) => flattenError(self, mapper));
    _lazyMethod(proto, "addIssue", (self) => (issue) => {
        self.issues.push(issue);
        self.message = JSON.stringify(self.issues, jsonStringifyReplacer, 2);
    });
    _lazyMethod(proto, "addIssues", (self) => (issues) => {
        self.issues.push(...issues);
        self.message = JSON.stringify(self.issues, jsonStringifyReplacer, 2);
    });
    Object.defineProperty(proto, "isEmpty", {
        configurable: true,
        enumerable: false,
        get() {
            return this.issues.length === 0;
        },
    });
};
const ZodRealError = /*@__PURE__*/ $constructor("ZodError", initializer, undefined, {
    Parent: Error,
});
// /** @deprecated Use `z.core.$ZodErrorMapCtx` instead. */
// export type ErrorMapCtx = core.$ZodErrorMapCtx;

const parse = /* @__PURE__ */ _parse(ZodRealError);
const parseAsync = /* @__PURE__ */ _parseAsync(ZodRealError);
const safeParse = /* @__PURE__ */ _safeParse(ZodRealError);
const safeParseAsync = /* @__PURE__ */ _safeParseAsync(ZodRealError);
// Codec functions
const encode = /* @__PURE__ */ _encode(ZodRealError);
const decode = /* @__PURE__ */ _decode(ZodRealError);
const encodeAsync = /* @__PURE__ */ _encodeAsync(ZodRealError);
const decodeAsync = /* @__PURE__ */ _decodeAsync(ZodRealError);
const safeEncode = /* @__PURE__ */ _safeEncode(ZodRealError);
const safeDecode = /* @__PURE__ */ _safeDecode(ZodRealError);
const safeEncodeAsync = /* @__PURE__ */ _safeEncodeAsync(ZodRealError);
const safeDecodeAsync = /* @__PURE__ */ _safeDecodeAsync(ZodRealError);

// Register English as the default locale on first ZodType construction. Hooked into the `ZodType` `$constructor` (rather than a top-level `config(en())` in `external.ts`) so bundlers honoring `sideEffects: false` can't tree-shake it out — see #5953, #5725. An explicit `z.config(z.locales.xx())` call wins regardless of order, since this only sets the default when none is present.
function _ensureDefaultLocale() {
    if (!globalConfig.localeError)
        config(en());
}
// the default memoizer is read by the core container init, which runs before `ZodType.init`, so each container calls this first
function _ensureDefaultMemoizer() {
    if (!globalConfig.memoizer)
        config({ memoizer: memoizer() });
}
const ZodType = /*@__PURE__*/ $constructor("ZodType", (inst, def) => {
    _ensureDefaultLocale();
    $ZodType.init(inst, def);
    inst.def = def;
    inst.type = def.type;
    return inst;
}, {
    check(...chks) {
        const def = this.def;
        return this.clone(mergeDefs(def, {
            checks: [
                ...(def.checks ?? []),
                ...chks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch),
            ],
        }), { parent: true });
    },
    with(...chks) {
        return this.check(...chks);
    },
    clone(def, params) {
        return clone(this, def, params);
    },
    brand() {
        return this;
    },
    register(reg, meta) {
        reg.add(this, meta);
        return this;
    },
    refine(check, params) {
        return this.check(refine(check, params));
    },
    superRefine(refinement, params) {
        return this.check(superRefine(refinement, params));
    },
    overwrite(fn) {
        return this.check(_overwrite(fn));
    },
    optional() {
        return optional(this);
    },
    exactOptional() {
        return exactOptional(this);
    },
    nullable() {
        return nullable(this);
    },
    nullish() {
        return optional(nullable(this));
    },
    nonoptional(params) {
        return nonoptional(this, params);
    },
    array() {
        return array(this);
    },
    or(arg) {
        return union([this, arg]);
    },
    and(arg) {
        return intersection(this, arg);
    },
    transform(tx) {
        return pipe(this, transform(tx));
    },
    default(d) {
        return _default(this, d);
    },
    prefault(d) {
        return prefault(this, d);
    },
    catch(params) {
        return _catch(this, params);
    },
    pipe(target) {
        return pipe(this, target);
    },
    readonly() {
        return readonly(this);
    },
    describe(description) {
        const cl = this.clone();
        globalRegistry.add(cl, { description });
        return cl;
    },
    meta(...args) {
        // overloaded: meta() returns the registered metadata, meta(data) returns a clone with `data` registered. The mapped type picks up the second overload, so we accept variadic any-args and return `any` to satisfy both at runtime.
        if (args.length === 0)
            return globalRegistry.get(this);
        const cl = this.clone();
        globalRegistry.add(cl, args[0]);
        return cl;
    },
    isOptional() {
        return this.safeParse(undefined).success;
    },
    isNullable() {
        return this.safeParse(null).success;
    },
    apply(fn, ...args) {
        return args.length === 0 ? fn(this) : fn(this, ...args);
    },
    // Overrides core's `~standard` to add `jsonSchema`. Must stay a prototype entry: redefining it per instance demotes instances to dictionary mode.
    get "~standard"() {
        return hide(this, "~standard", {
            ...standardProps(this),
            jsonSchema: {
                input: createStandardJSONSchemaMethod(this, "input"),
                output: createStandardJSONSchemaMethod(this, "output"),
            },
        });
    },
    set "~standard"(value) {
        own(this, "~standard", value);
    },
    parse: function _parse(data, params) {
        return parse(this, data, params, { callee: _parse });
    },
    parseAsync: async function _parseAsync(data, params) {
        return await parseAsync(this, data, params, { callee: _parseAsync });
    },
    safeParse(data, params) {
        return safeParse(this, data, params);
    },
    async safeParseAsync(data, params) {
        return safeParseAsync(this, data, params);
    },
    // `spa` is an alias: same function object as `safeParseAsync`, as before.
    get spa() {
        return this?.safeParseAsync;
    },
    set spa(value) {
        own(this, "spa", value);
    },
    validate(data, params) {
        return validate(this, data, params);
    },
    validateAsync(data, params) {
        return validateAsync$1(this, data, params);
    },
    encode: function _encode(data, params) {
        return encode(this, data, params, { callee: _encode });
    },
    decode: function _decode(data, params) {
        return decode(this, data, params, { callee: _decode });
    },
    encodeAsync: async function _encodeAsync(data, params) {
        return await encodeAsync(this, data, params, { callee: _encodeAsync });
    },
    decodeAsync: async function _decodeAsync(data, params) {
        return await decodeAsync(this, data, params, { callee: _decodeAsync });
    },
    safeEncode(data, params) {
        return safeEncode(this, data, params);
    },
    safeDecode(data, params) {
        return safeDecode(this, data, params);
    },
    async safeEncodeAsync(data, params) {
        return safeEncodeAsync(this, data, params);
    },
    async safeDecodeAsync(data, params) {
        return safeDecodeAsync(this, data, params);
    },
    toJSONSchema(params) {
        return createToJSONSchemaMethod(this, {})(params);
    },
    // Reads through to the registry on every access, so it must not cache.
    get description() {
        return globalRegistry.get(this)?.description;
    },
    // No setter: `schema._def = x` throws, as it did when `_def` was a non-writable own property.
    get _def() {
        return this._zod.def;
    },
});
/** @internal */
const _ZodString = /*@__PURE__*/ $constructor("_ZodString", (inst, def) => {
    $ZodString.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => stringProcessor(inst, ctx, json);
}, 
/*@__PURE__*/ derived({
    format: (inst) => aggregateChecks(inst).format ?? null,
    minLength: (inst) => aggregateChecks(inst).minimum ?? null,
    maxLength: (inst) => aggregateChecks(inst).maximum ?? null,
}, {
    regex(...args) {
        return this.check(_regex(...args));
    },
    includes(...args) {
        return this.check(_includes(...args));
    },
    startsWith(...args) {
        return this.check(_startsWith(...args));
    },
    endsWith(...args) {
        return this.check(_endsWith(...args));
    },
    min(...args) {
        return this.check(_minLength(...args));
    },
    max(...args) {
        return this.check(_maxLength(...args));
    },
    length(...args) {
        return this.check(_length(...args));
    },
    nonempty(...args) {
        return this.check(_minLength(1, ...args));
    },
    lowercase(params) {
        return this.check(_lowercase(params));
    },
    uppercase(params) {
        return this.check(_uppercase(params));
    },
    trim() {
        return this.check(_trim());
    },
    normalize(...args) {
        return this.check(_normalize(...args));
    },
    toLowerCase() {
        return this.check(_toLowerCase());
    },
    toUpperCase() {
        return this.check(_toUpperCase());
    },
    slugify() {
        return this.check(_slugify());
    },
}));
const ZodString = /*@__PURE__*/ $constructor("ZodString", (inst, def) => {
    $ZodString.init(inst, def);
    _ZodString.init(inst, def);
}, {
    email(params) {
        return this.check(_email(ZodEmail, params));
    },
    url(params) {
        return this.check(_url(ZodURL, params));
    },
    jwt(params) {
        return this.check(_jwt(ZodJWT, params));
    },
    emoji(params) {
        return this.check(_emoji(ZodEmoji, params));
    },
    guid(params) {
        return this.check(_guid(ZodGUID, params));
    },
    uuid(params) {
        return this.check(_uuid(ZodUUID, params));
    },
    uuidv4(params) {
        return this.check(_uuidv4(ZodUUID, params));
    },
    uuidv6(params) {
        return this.check(_uuidv6(ZodUUID, params));
    },
    uuidv7(params) {
        return this.check(_uuidv7(ZodUUID, params));
    },
    nanoid(params) {
        return this.check(_nanoid(ZodNanoID, params));
    },
    cuid(params) {
        return this.check(_cuid(ZodCUID, params));
    },
    cuid2(params) {
        return this.check(_cuid2(ZodCUID2, params));
    },
    ulid(params) {
        return this.check(_ulid(ZodULID, params));
    },
    base64(params) {
        return this.check(_base64(ZodBase64, params));
    },
    base64url(params) {
        return this.check(_base64url(ZodBase64URL, params));
    },
    xid(params) {
        return this.check(_xid(ZodXID, params));
    },
    ksuid(params) {
        return this.check(_ksuid(ZodKSUID, params));
    },
    ipv4(params) {
        return this.check(_ipv4(ZodIPv4, params));
    },
    ipv6(params) {
        return this.check(_ipv6(ZodIPv6, params));
    },
    cidrv4(params) {
        return this.check(_cidrv4(ZodCIDRv4, params));
    },
    cidrv6(params) {
        return this.check(_cidrv6(ZodCIDRv6, params));
    },
    e164(params) {
        return this.check(_e164(ZodE164, params));
    },
    datetime(params) {
        return this.check(_isoDateTime(ZodISODateTime, params));
    },
    date(params) {
        return this.check(_isoDate(ZodISODate, params));
    },
    time(params) {
        return this.check(_isoTime(ZodISOTime, params));
    },
    duration(params) {
        return this.check(_isoDuration(ZodISODuration, params));
    },
});
function string(params) {
    return _string(ZodString, params);
}
const ZodStringFormat = /*@__PURE__*/ $constructor("ZodStringFormat", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    _ZodString.init(inst, def);
});
const ZodISODateTime = /*@__PURE__*/ $constructor("ZodISODateTime", (inst, def) => {
    $ZodISODateTime.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodISODate = /*@__PURE__*/ $constructor("ZodISODate", (inst, def) => {
    $ZodISODate.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodISOTime = /*@__PURE__*/ $constructor("ZodISOTime", (inst, def) => {
    $ZodISOTime.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodISODuration = /*@__PURE__*/ $constructor("ZodISODuration", (inst, def) => {
    $ZodISODuration.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodEmail = /*@__PURE__*/ $constructor("ZodEmail", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodEmail.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodGUID = /*@__PURE__*/ $constructor("ZodGUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodGUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodUUID = /*@__PURE__*/ $constructor("ZodUUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodUUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodURL = /*@__PURE__*/ $constructor("ZodURL", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodURL.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodEmoji = /*@__PURE__*/ $constructor("ZodEmoji", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodEmoji.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodNanoID = /*@__PURE__*/ $constructor("ZodNanoID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodNanoID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
/**
 * @deprecated CUID v1 is deprecated by its authors due to information leakage
 * (timestamps embedded in the id). Use {@link ZodCUID2} instead.
 * See https://github.com/paralleldrive/cuid.
 */
const ZodCUID = /*@__PURE__*/ $constructor("ZodCUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodCUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodCUID2 = /*@__PURE__*/ $constructor("ZodCUID2", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodCUID2.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodULID = /*@__PURE__*/ $constructor("ZodULID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodULID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodXID = /*@__PURE__*/ $constructor("ZodXID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodXID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodKSUID = /*@__PURE__*/ $constructor("ZodKSUID", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodKSUID.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodIPv4 = /*@__PURE__*/ $constructor("ZodIPv4", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodIPv4.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodIPv6 = /*@__PURE__*/ $constructor("ZodIPv6", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodIPv6.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodCIDRv4 = /*@__PURE__*/ $constructor("ZodCIDRv4", (inst, def) => {
    $ZodCIDRv4.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodCIDRv6 = /*@__PURE__*/ $constructor("ZodCIDRv6", (inst, def) => {
    $ZodCIDRv6.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodBase64 = /*@__PURE__*/ $constructor("ZodBase64", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodBase64.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodBase64URL = /*@__PURE__*/ $constructor("ZodBase64URL", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodBase64URL.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodE164 = /*@__PURE__*/ $constructor("ZodE164", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodE164.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodJWT = /*@__PURE__*/ $constructor("ZodJWT", (inst, def) => {
    // ZodStringFormat.init(inst, def);
    $ZodJWT.init(inst, def);
    ZodStringFormat.init(inst, def);
});
const ZodNumber = /*@__PURE__*/ $constructor("ZodNumber", (inst, def) => {
    $ZodNumber.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => numberProcessor(inst, ctx, json, params);
    inst.isFinite = true;
}, 
/*@__PURE__*/ derived({
    minValue: (inst) => {
        const { minimum, exclusiveMinimum } = aggregateChecks(inst);
        return Math.max(minimum ?? Number.NEGATIVE_INFINITY, exclusiveMinimum ?? Number.NEGATIVE_INFINITY);
    },
    maxValue: (inst) => {
        const { maximum, exclusiveMaximum } = aggregateChecks(inst);
        return Math.min(maximum ?? Number.POSITIVE_INFINITY, exclusiveMaximum ?? Number.POSITIVE_INFINITY);
    },
    isInt: (inst) => {
        const { isInt, multipleOf } = aggregateChecks(inst);
        return !!isInt || !!multipleOf?.some(Number.isSafeInteger);
    },
    format: (inst) => aggregateChecks(inst).format ?? null,
}, {
    gt(value, params) {
        return this.check(_gt(value, params));
    },
    gte(value, params) {
        return this.check(_gte(value, params));
    },
    min(value, params) {
        return this.check(_gte(value, params));
    },
    lt(value, params) {
        return this.check(_lt(value, params));
    },
    lte(value, params) {
        return this.check(_lte(value, params));
    },
    max(value, params) {
        return this.check(_lte(value, params));
    },
    int(params) {
        return this.check(int(params));
    },
    safe(params) {
        return this.check(int(params));
    },
    positive(params) {
        return this.check(_gt(0, params));
    },
    nonnegative(params) {
        return this.check(_gte(0, params));
    },
    negative(params) {
        return this.check(_lt(0, params));
    },
    nonpositive(params) {
        return this.check(_lte(0, params));
    },
    multipleOf(value, params) {
        return this.check(_multipleOf(value, params));
    },
    step(value, params) {
        return this.check(_multipleOf(value, params));
    },
    finite() {
        return this;
    },
}));
function number(params) {
    return _number(ZodNumber, params);
}
const ZodNumberFormat = /*@__PURE__*/ $constructor("ZodNumberFormat", (inst, def) => {
    $ZodNumberFormat.init(inst, def);
    ZodNumber.init(inst, def);
});
function int(params) {
    return _int(ZodNumberFormat, params);
}
const ZodBoolean = /*@__PURE__*/ $constructor("ZodBoolean", (inst, def) => {
    $ZodBoolean.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => booleanProcessor(inst, ctx, json);
});
function boolean(params) {
    return _boolean(ZodBoolean, params);
}
const ZodUnknown = /*@__PURE__*/ $constructor("ZodUnknown", (inst, def) => {
    $ZodUnknown.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => unknownProcessor();
});
function unknown() {
    return _unknown(ZodUnknown);
}
const ZodNever = /*@__PURE__*/ $constructor("ZodNever", (inst, def) => {
    $ZodNever.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => neverProcessor(inst, ctx, json);
});
function never(params) {
    return _never(ZodNever, params);
}
const ZodArray = /*@__PURE__*/ $constructor("ZodArray", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodArray.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => arrayProcessor(inst, ctx, json, params);
    inst.element = def.element;
}, {
    min(n, params) {
        return this.check(_minLength(n, params));
    },
    nonempty(params) {
        return this.check(_minLength(1, params));
    },
    max(n, params) {
        return this.check(_maxLength(n, params));
    },
    length(n, params) {
        return this.check(_length(n, params));
    },
    unwrap() {
        return this.element;
    },
});
function array(element, params) {
    return _array(ZodArray, element, params);
}
const ZodObject = /*@__PURE__*/ $constructor("ZodObject", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodObjectJIT.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => objectProcessor(inst, ctx, json, params);
    installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
}, {
    keyof() {
        return _enum(Object.keys(this._zod.def.shape));
    },
    catchall(catchall) {
        // `mergeDefs` rather than a spread: spreading reads `shape`, and resolving it can mint a whole fresh subtree
        return this.clone(mergeDefs(this._zod.def, { catchall: catchall }));
    },
    passthrough() {
        return this.clone(mergeDefs(this._zod.def, { catchall: unknown() }));
    },
    loose() {
        return this.clone(mergeDefs(this._zod.def, { catchall: unknown() }));
    },
    strict() {
        return this.clone(mergeDefs(this._zod.def, { catchall: never() }));
    },
    strip() {
        return this.clone(mergeDefs(this._zod.def, { catchall: undefined }));
    },
    extend(incoming) {
        return extend(this, incoming);
    },
    safeExtend(incoming) {
        return safeExtend(this, incoming);
    },
    merge(other) {
        return merge(this, other);
    },
    pick(mask) {
        return pick(this, mask);
    },
    omit(mask) {
        return omit(this, mask);
    },
    partial(...args) {
        return partial(ZodOptional, this, args[0]);
    },
    exactPartial(...args) {
        return partial(ZodExactOptional, this, args[0], "exactPartial");
    },
    required(...args) {
        return required(ZodNonOptional, this, args[0]);
    },
});
function object(shape, params) {
    const def = {
        type: "object",
        shape: shape ?? {},
        ...normalizeParams(params),
    };
    return new ZodObject(def);
}
const ZodUnion = /*@__PURE__*/ $constructor("ZodUnion", (inst, def) => {
    $ZodUnion.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => unionProcessor(inst, ctx, json, params);
    inst.options = def.options;
});
function union(options, params) {
    return new ZodUnion({
        type: "union",
        options: options,
        ...normalizeParams(params),
    });
}
const ZodIntersection = /*@__PURE__*/ $constructor("ZodIntersection", (inst, def) => {
    $ZodIntersection.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => intersectionProcessor(inst, ctx, json, params);
});
function intersection(left, right) {
    return new ZodIntersection({
        type: "intersection",
        left: left,
        right: right,
    });
}
const ZodRecord = /*@__PURE__*/ $constructor("ZodRecord", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodRecord.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => recordProcessor(inst, ctx, json, params);
    inst.keyType = def.keyType;
    inst.valueType = def.valueType;
});
function record(keyType, valueType, params) {
    // v3-compat: z.record(valueType, params?) — defaults keyType to z.string()
    if (!valueType || !valueType._zod) {
        return new ZodRecord({
            type: "record",
            keyType: string(),
            valueType: keyType,
            ...normalizeParams(valueType),
        });
    }
    return new ZodRecord({
        type: "record",
        keyType,
        valueType: valueType,
        ...normalizeParams(params),
    });
}
const ZodEnum = /*@__PURE__*/ $constructor("ZodEnum", (inst, def) => {
    $ZodEnum.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => enumProcessor(inst, ctx, json);
    inst.enum = def.entries;
    // reuse the parsed value set so a numeric TS enum's reverse-mapping keys stay out
    inst.options = [...inst._zod.values];
    const keys = new Set(Object.keys(def.entries));
    inst.extract = (values, params) => {
        const newEntries = {};
        for (const value of values) {
            if (keys.has(value)) {
                newEntries[value] = def.entries[value];
            }
            else
                throw new Error(`Key ${value} not found in enum`);
        }
        return new ZodEnum({
            ...def,
            checks: [],
            ...normalizeParams(params),
            entries: newEntries,
        });
    };
    inst.exclude = (values, params) => {
        const newEntries = { ...def.entries };
        for (const value of values) {
            if (keys.has(value)) {
                delete newEntries[value];
            }
            else
                throw new Error(`Key ${value} not found in enum`);
        }
        return new ZodEnum({
            ...def,
            checks: [],
            ...normalizeParams(params),
            entries: newEntries,
        });
    };
});
function _enum(values, params) {
    const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
    return new ZodEnum({
        type: "enum",
        entries,
        ...normalizeParams(params),
    });
}
const ZodLiteral = /*@__PURE__*/ $constructor("ZodLiteral", (inst, def) => {
    $ZodLiteral.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => literalProcessor(inst, ctx, json, params);
    inst.values = new Set(def.values);
    Object.defineProperty(inst, "value", {
        get() {
            if (def.values.length > 1) {
                throw new Error("This schema contains multiple valid literal values. Use `.values` instead.");
            }
            return def.values[0];
        },
    });
});
function literal(value, params) {
    return new ZodLiteral({
        type: "literal",
        values: Array.isArray(value) ? value : [value],
        ...normalizeParams(params),
    });
}
const ZodTransform = /*@__PURE__*/ $constructor("ZodTransform", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodTransform.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => transformProcessor(inst, ctx, json, params);
    inst._zod.parse = (payload, _ctx) => {
        if (_ctx.direction === "backward") {
            throw new $ZodEncodeError(inst.constructor.name);
        }
        payload.addIssue = (issue$1) => {
            if (typeof issue$1 === "string") {
                payload.issues.push(issue(issue$1, payload.value, def));
            }
            else {
                // for Zod 3 backwards compatibility
                const _issue = issue$1;
                if (_issue.fatal)
                    _issue.continue = false;
                _issue.code ?? (_issue.code = "custom");
                if (!("input" in _issue))
                    _issue.input = payload.value;
                _issue.inst ?? (_issue.inst = inst);
                // _issue.continue ??= true;
                payload.issues.push(issue(_issue));
            }
        };
        const output = def.transform(payload.value, payload);
        if (output instanceof Promise) {
            return output.then((output) => {
                payload.value = output;
                return payload;
            });
        }
        payload.value = output;
        return payload;
    };
});
function transform(fn) {
    return new ZodTransform({
        type: "transform",
        transform: fn,
    });
}
const ZodOptional = /*@__PURE__*/ $constructor("ZodOptional", (inst, def) => {
    $ZodOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => optionalProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function optional(innerType) {
    return new ZodOptional({
        type: "optional",
        innerType: innerType,
    });
}
const ZodExactOptional = /*@__PURE__*/ $constructor("ZodExactOptional", (inst, def) => {
    $ZodExactOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => optionalProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function exactOptional(innerType) {
    return new ZodExactOptional({
        type: "optional",
        innerType: innerType,
    });
}
const ZodNullable = /*@__PURE__*/ $constructor("ZodNullable", (inst, def) => {
    $ZodNullable.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => nullableProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function nullable(innerType) {
    return new ZodNullable({
        type: "nullable",
        innerType: innerType,
    });
}
const ZodDefault = /*@__PURE__*/ $constructor("ZodDefault", (inst, def) => {
    $ZodDefault.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => defaultProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
    inst.removeDefault = inst.unwrap;
});
function _default(innerType, defaultValue) {
    return new ZodDefault({
        type: "default",
        innerType: innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : shallowClone(defaultValue);
        },
    });
}
const ZodPrefault = /*@__PURE__*/ $constructor("ZodPrefault", (inst, def) => {
    $ZodPrefault.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => prefaultProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function prefault(innerType, defaultValue) {
    return new ZodPrefault({
        type: "prefault",
        innerType: innerType,
        get defaultValue() {
            return typeof defaultValue === "function" ? defaultValue() : shallowClone(defaultValue);
        },
    });
}
const ZodNonOptional = /*@__PURE__*/ $constructor("ZodNonOptional", (inst, def) => {
    $ZodNonOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => nonoptionalProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function nonoptional(innerType, params) {
    return new ZodNonOptional({
        type: "nonoptional",
        innerType: innerType,
        ...normalizeParams(params),
    });
}
const ZodCatch = /*@__PURE__*/ $constructor("ZodCatch", (inst, def) => {
    $ZodCatch.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => catchProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
    inst.removeCatch = inst.unwrap;
});
function _catch(innerType, catchValue) {
    return new ZodCatch({
        type: "catch",
        innerType: innerType,
        catchValue: (typeof catchValue === "function" ? catchValue : constantCatch(catchValue)),
    });
}
const ZodPipe = /*@__PURE__*/ $constructor("ZodPipe", (inst, def) => {
    $ZodPipe.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => pipeProcessor(inst, ctx, json, params);
    inst.in = def.in;
    inst.out = def.out;
});
function pipe(in_, out) {
    return new ZodPipe({
        type: "pipe",
        in: in_,
        out: out,
        // ...util.normalizeParams(params),
    });
}
const ZodReadonly = /*@__PURE__*/ $constructor("ZodReadonly", (inst, def) => {
    $ZodReadonly.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => readonlyProcessor(inst, ctx, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
});
function readonly(innerType) {
    return new ZodReadonly({
        type: "readonly",
        innerType: innerType,
    });
}
const ZodCustom = /*@__PURE__*/ $constructor("ZodCustom", (inst, def) => {
    $ZodCustom.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx, json, params) => customProcessor(inst, ctx, json, params);
});
function custom(fn, _params) {
    return _custom(ZodCustom, fn ?? (() => true), _params);
}
function refine(fn, _params = {}) {
    return _refine(ZodCustom, fn, _params);
}
// superRefine
function superRefine(fn, params) {
    return _superRefine(fn, params);
}

//#region src/distribution/uniformFloat64.ts
const scale26 = 1.4901161193847656e-8;
const scale53 = 11102230246251565e-32;
const mask1 = 67108863;
const mask2 = 134217727;
/**
* Uniformly generate random 64-bit floating point values between 0 (included) and 1 (excluded)
*
* @remarks Generated values are multiples of 2**-53, providing 53 bits of randomness.
*
* @param rng - Instance of RandomGenerator to extract random values from
*
* @public
*/
function uniformFloat64(rng) {
	const value1 = rng.next() & mask1;
	const value2 = rng.next() & mask2;
	return value1 * scale26 + value2 * scale53;
}

//#region src/generator/xoroshiro128plus.ts
const jumps = [
	3639956645,
	3750757012,
	1261568508,
	386426335
];
var XoroShiro128Plus = class XoroShiro128Plus {
	constructor(s01, s00, s11, s10) {
		this.s01 = s01;
		this.s00 = s00;
		this.s11 = s11;
		this.s10 = s10;
	}
	clone() {
		return new XoroShiro128Plus(this.s01, this.s00, this.s11, this.s10);
	}
	next() {
		const out = this.s00 + this.s10 | 0;
		const a0 = this.s10 ^ this.s00;
		const a1 = this.s11 ^ this.s01;
		const s00 = this.s00;
		const s01 = this.s01;
		this.s00 = s00 << 24 ^ s01 >>> 8 ^ a0 ^ a0 << 16;
		this.s01 = s01 << 24 ^ s00 >>> 8 ^ a1 ^ (a1 << 16 | a0 >>> 16);
		this.s10 = a1 << 5 ^ a0 >>> 27;
		this.s11 = a0 << 5 ^ a1 >>> 27;
		return out;
	}
	jump() {
		let ns01 = 0;
		let ns00 = 0;
		let ns11 = 0;
		let ns10 = 0;
		let s01 = this.s01;
		let s00 = this.s00;
		let s11 = this.s11;
		let s10 = this.s10;
		for (let i = 0; i !== 4; ++i) {
			const ji = jumps[i];
			for (let mask = 1; mask; mask <<= 1) {
				if (ji & mask) {
					ns01 ^= s01;
					ns00 ^= s00;
					ns11 ^= s11;
					ns10 ^= s10;
				}
				const a0 = s10 ^ s00;
				const a1 = s11 ^ s01;
				const s00_ = s00;
				const s01_ = s01;
				s00 = s00_ << 24 ^ s01_ >>> 8 ^ a0 ^ a0 << 16;
				s01 = s01_ << 24 ^ s00_ >>> 8 ^ a1 ^ (a1 << 16 | a0 >>> 16);
				s10 = a1 << 5 ^ a0 >>> 27;
				s11 = a0 << 5 ^ a1 >>> 27;
			}
		}
		this.s01 = ns01;
		this.s00 = ns00;
		this.s11 = ns11;
		this.s10 = ns10;
	}
	getState() {
		return [
			this.s01,
			this.s00,
			this.s11,
			this.s10
		];
	}
};
function xoroshiro128plusFromState(state) {
	if (!(state.length === 4)) throw new Error("The state must have been produced by a xoroshiro128plus RandomGenerator");
	return new XoroShiro128Plus(state[0], state[1], state[2], state[3]);
}

/** Golden-ratio increment + murmur3 fmix32 finaliser: spreads a small seed over all 32 bits. */
function mix32(x) {
    let z = (x + 0x9e3779b9) | 0;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) | 0;
}
function checkN(n) {
    if (!(n >= 1 && n <= 0x100000000 && Math.floor(n) === n)) {
        throw new RangeError(`rng.int(n) needs an integer 1 <= n <= 2^32, got ${n}`);
    }
}
/**
 * int(n) draws with xoroshiro128+'s step inlined on local state (pure-rand's XoroShiro128Plus.next, same
 * order of state words), so the bootstrap avoids a method call per draw. Each draw goes to out[i] or, without
 * out, is added up as x[draw]; returns the advanced state and that sum.
 */
function drawFromState(state, n, count, out, x) {
    let [s01, s00, s11, s10] = state;
    const limit = n > 2 ? Math.floor(0x100000000 / n) * n : 0x100000000;
    const inverse = 1 / n;
    let sum = 0;
    for (let i = 0; i < count; i++) {
        let v;
        do {
            v = ((s00 + s10) | 0) + 0x80000000;
            const a0 = s10 ^ s00;
            const a1 = s11 ^ s01;
            const t00 = s00;
            const t01 = s01;
            s00 = (t00 << 24) ^ (t01 >>> 8) ^ a0 ^ (a0 << 16);
            s01 = (t01 << 24) ^ (t00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
            s10 = (a1 << 5) ^ (a0 >>> 27);
            s11 = (a0 << 5) ^ (a1 >>> 27);
        } while (v >= limit);
        // v % n without fmod (the slowest step): the quotient from a multiply by 1/n, corrected when it rounded off by one.
        let r = v - Math.floor(v * inverse) * n;
        if (r < 0)
            r += n;
        else if (r >= n)
            r -= n;
        if (out)
            out[i] = r;
        else
            sum += x[r];
    }
    return [[s01, s00, s11, s10], sum];
}
function wrap(initial) {
    let gen = initial;
    // The bootstrap calls int(n) with the same n millions of times: validate n and derive the limit once per n.
    let lastN = -1;
    let limit = 0;
    return {
        int(n) {
            if (n !== lastN) {
                checkN(n);
                lastN = n;
                // pure-rand's uniformInt rejection rule, inlined: it is the hot loop of every bootstrap
                limit = n > 2 ? Math.floor(0x100000000 / n) * n : 0x100000000;
            }
            let v = gen.next() + 0x80000000;
            while (v >= limit)
                v = gen.next() + 0x80000000;
            return v % n;
        },
        float: () => uniformFloat64(gen),
        uint32: () => gen.next() >>> 0,
        fork() {
            const other = gen.clone();
            other.jump();
            return wrap(other);
        },
        fillInt(n, out) {
            checkN(n);
            if (n > 0x7fffffff) {
                for (let i = 0; i < out.length; i++)
                    out[i] = this.int(n);
                return;
            }
            gen = xoroshiro128plusFromState(drawFromState(gen.getState(), n, out.length, out, null)[0]);
        },
        sumOfDraws(x) {
            const n = x.length;
            checkN(n);
            if (n > 0x7fffffff) {
                let sum = 0;
                for (let i = 0; i < n; i++)
                    sum += x[this.int(n)];
                return sum;
            }
            const [state, sum] = drawFromState(gen.getState(), n, n, null, x);
            gen = xoroshiro128plusFromState(state);
            return sum;
        }
    };
}
/** A generator for `seed` (any safe integer). xoroshiro128+ seeded through a mixer, since its plain seeding emits a constant first value. */
function createRng(seed) {
    if (!Number.isSafeInteger(seed))
        throw new RangeError(`seed must be a safe integer, got ${seed}`);
    const lo = Number(BigInt.asUintN(32, BigInt(seed))) | 0;
    const hi = Number(BigInt.asIntN(32, BigInt(seed) >> 32n)) | 0;
    const s0 = mix32(lo);
    const s1 = mix32(s0 ^ hi);
    const s2 = mix32(s1 ^ 0x6a09e667);
    const s3 = mix32(s2 ^ 0x3c6ef372);
    // an all-zero state would stay zero forever
    const state = s0 | s1 | s2 | s3 ? [s0, s1, s2, s3] : [1, 0, 0, 0];
    return wrap(xoroshiro128plusFromState(state));
}
/**
 * A per-metric seed from the suite seed and the metric id (FNV-1a), so metrics draw independent resamples and
 * sign flips while every run with the same seed stays reproducible.
 */
function seedFor(seed, key) {
    let h = 0x811c9dc5;
    for (let i = 0; i < key.length; i++)
        h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    const high = Math.floor(seed / 0x100000000);
    return high * 0x100000000 + ((seed ^ h) >>> 0);
}

/**
 * Quantile of an ascending-sorted array, numpy's default method ('linear', Hyndman & Fan type 7),
 * with numpy's own interpolation arithmetic so results agree bit for bit.
 */
function quantileSorted(sorted, q) {
    const n = sorted.length;
    if (n === 0 || !(q >= 0 && q <= 1))
        return NaN;
    const virtual = (n - 1) * q;
    const prev = Math.floor(virtual);
    const next = Math.min(prev + 1, n - 1);
    const gamma = virtual - prev;
    const a = sorted[prev];
    const b = sorted[next];
    const diff = b - a;
    // numpy's _lerp interpolates from the nearer end, which keeps the result within [a, b]
    return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}
/** The finite values of `values`, in order. */
function finiteValues(values) {
    let count = 0;
    for (let i = 0; i < values.length; i++)
        if (Number.isFinite(values[i]))
            count++;
    const out = new Float64Array(count);
    let k = 0;
    for (let i = 0; i < values.length; i++)
        if (Number.isFinite(values[i]))
            out[k++] = values[i];
    return out;
}
/** The finite values of `values`, sorted ascending. */
function sortedFinite(values) {
    return finiteValues(values).sort();
}

/** Throws on options no caller should pass (the config schema validates user input first). */
function checkBootstrapOptions(opts) {
    if (!(Number.isInteger(opts.resamples) && opts.resamples >= 1)) {
        throw new RangeError(`resamples must be an integer >= 1, got ${opts.resamples}`);
    }
    if (!(opts.confidence > 0 && opts.confidence < 1)) {
        throw new RangeError(`confidence must be in (0, 1), got ${opts.confidence}`);
    }
}
/** Percentile interval of bootstrap statistics; non-finite statistics (undefined on a resample) are ignored. */
function percentileInterval(stats, confidence) {
    const sorted = sortedFinite(stats);
    const tail = (1 - confidence) / 2;
    return { level: confidence, low: quantileSorted(sorted, tail), high: quantileSorted(sorted, 1 - tail) };
}
/** Bootstrap distribution of the mean of `x` (all finite): `resamples` means, no allocation per resample. */
function meanBootstrapStats(x, resamples, rng) {
    const n = x.length;
    const stats = new Float64Array(resamples);
    for (let r = 0; r < resamples; r++)
        stats[r] = rng.sumOfDraws(x) / n;
    return stats;
}
/** Bootstrap distribution of `statistic` on `resamples` index resamples of 0..n-1 (the index buffer is reused). */
function indexBootstrapStats(n, resamples, rng, statistic) {
    const stats = new Float64Array(resamples);
    const indices = new Int32Array(n);
    for (let r = 0; r < resamples; r++) {
        rng.fillInt(n, indices);
        stats[r] = statistic(indices);
    }
    return stats;
}
function degenerate(value, level) {
    return { level, low: value, high: value };
}
/** Percentile bootstrap CI of the mean of the finite scores. n = 0 gives NaN bounds, n = 1 gives [mean, mean]. */
function bootstrapMeanCI(scores, opts) {
    checkBootstrapOptions(opts);
    const x = finiteValues(scores);
    if (x.length <= 1)
        return degenerate(x.length === 0 ? NaN : x[0], opts.confidence);
    return percentileInterval(meanBootstrapStats(x, opts.resamples, createRng(opts.seed)), opts.confidence);
}
/**
 * Percentile bootstrap CI of any statistic of n rows, given as a function of row indices
 * (must not keep the buffer). n = 0 gives NaN bounds, n = 1 gives [statistic, statistic].
 */
function bootstrapCI(n, statistic, opts) {
    checkBootstrapOptions(opts);
    if (n === 0)
        return degenerate(NaN, opts.confidence);
    if (n === 1)
        return degenerate(statistic(Int32Array.of(0)), opts.confidence);
    return percentileInterval(indexBootstrapStats(n, opts.resamples, createRng(opts.seed), statistic), opts.confidence);
}
/** Number of rows of a column set (all columns must have the same length). */
function columnRows(columns) {
    const lengths = new Set(Object.values(columns).map((c) => c.length));
    if (lengths.size > 1)
        throw new RangeError(`columns have different lengths: ${[...lengths].join(', ')}`);
    return lengths.size === 0 ? 0 : [...lengths][0];
}
/** Percentile bootstrap CI of a non-decomposable metric: `aggregate` recomputed on resampled rows of `columns`. */
function bootstrapColumnsCI(columns, aggregate, opts) {
    return bootstrapCI(columnRows(columns), (idx) => aggregate(columns, idx), opts);
}

/** Levenshtein distance, for "did you mean" hints. */
function editDistance(a, b) {
    const prev = new Array(b.length + 1);
    for (let j = 0; j <= b.length; j++)
        prev[j] = j;
    for (let i = 1; i <= a.length; i++) {
        let diag = prev[0];
        prev[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const up = prev[j];
            prev[j] = Math.min(up + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
            diag = up;
        }
    }
    return prev[b.length];
}
/** The closest candidate within a third of the word's length, as a ` (did you mean "x"?)` suffix, or ''. */
function didYouMean(word, candidates) {
    let best = '';
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
        if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    const limit = Math.max(2, Math.ceil(word.length / 3));
    return best && bestDistance <= limit ? ` (did you mean "${best}"?)` : '';
}

function bytesAccess(bytes) {
    return {
        size: bytes.length,
        readAt(position, into) {
            const part = bytes.subarray(position, position + into.length);
            into.set(part);
            return part.length;
        },
        close() { }
    };
}
/** Opens a file for reads at any offset; the caller closes it. */
function fileAccess(absolute) {
    // Checked before opening: opening a FIFO blocks until a writer appears.
    const stat = statSync(absolute);
    if (!stat.isFile())
        throw Object.assign(new Error(`not a regular file`), { code: stat.isDirectory() ? 'EISDIR' : 'ENOTREG' });
    const fd = openSync(absolute, 'r');
    const size = fstatSync(fd).size;
    return {
        size,
        readAt(position, into) {
            let done = 0;
            while (done < into.length) {
                const got = readSync(fd, into, done, into.length - done, position + done);
                if (got === 0)
                    break;
                done += got;
            }
            return done;
        },
        close: () => closeSync(fd)
    };
}
/** The bytes [start, start + length) of a random-access file, read forward. */
function rangeSource(access, start, length) {
    const source = {
        size: length,
        position: 0,
        read(into) {
            const want = Math.min(into.length, length - source.position);
            if (want <= 0)
                return 0;
            const got = access.readAt(start + source.position, want === into.length ? into : into.subarray(0, want));
            source.position += got;
            return got;
        }
    };
    return source;
}
/** Reads until `into` is full or the source ends; returns how many bytes. */
function readFull(source, into) {
    let done = 0;
    while (done < into.length) {
        const got = source.read(done === 0 ? into : into.subarray(done));
        if (got === 0)
            break;
        done += got;
    }
    return done;
}
let crcTable;
/** CRC-32 (zip's, IEEE), continued from `crc`; zlib's native one where Node has it (20.15+). */
function crc32(data, crc = 0) {
    const native = zlib.crc32;
    if (native)
        return native(data, crc) >>> 0;
    if (!crcTable) {
        crcTable = new Int32Array(256);
        for (let n = 0; n < 256; n++) {
            let c = n;
            for (let k = 0; k < 8; k++)
                c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
            crcTable[n] = c;
        }
    }
    let c = ~crc;
    for (let i = 0; i < data.length; i++)
        c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
    return ~c >>> 0;
}

/** A problem with an input file; the message starts with the file (and member) as the user wrote it. */
class InputError extends Error {
    file;
    name = 'InputError';
    constructor(message, file) {
        super(message);
        this.file = file;
    }
}
/** Throws an InputError whose message is `<source>: <message>`. */
function fail(source, message) {
    throw new InputError(`${source}: ${message}`, source);
}
/** A comma-separated, quoted list for messages, shortened after `max` items. */
function listText(items, max = 20) {
    const shown = items.slice(0, max).map((item) => JSON.stringify(item));
    return items.length > max ? `${shown.join(', ')}, … (${items.length} in all)` : shown.join(', ') || '(none)';
}

function makeArray(data, shape, dtype, source) {
    return { data, shape, dtype, source };
}
function shapeText(shape) {
    return `[${shape.join(', ')}]`;
}
/** Number of rows (first dimension); a scalar has none. */
function rows(a) {
    return a.shape.length === 0 ? 0 : a.shape[0];
}
/** Elements per row: the product of all dimensions after the first (attributions [N,H,W] → H·W). */
function rowSize(a) {
    let size = 1;
    for (let i = 1; i < a.shape.length; i++)
        size *= a.shape[i];
    return size;
}
/** A view of row i (no copy). */
function row(a, i) {
    const size = rowSize(a);
    return a.data.subarray(i * size, (i + 1) * size);
}
/** Number of elements of a shape (1 for a scalar). */
function product(shape) {
    let n = 1;
    for (const d of shape)
        n *= d;
    return n;
}
/** A text array: `strings` holds the values and data is NaN-filled so numeric code never sees stale numbers. */
function makeStrings(strings, shape, dtype, source) {
    return { data: new Float64Array(strings.length).fill(NaN), shape, dtype, source, strings };
}

/** UTF-8 text of a file, without a byte-order mark. */
function decodeText(bytes) {
    const text = new TextDecoder('utf-8').decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
/**
 * JSON.parse, also accepting the NaN / Infinity / -Infinity that Python's json.dump writes by default.
 * `what` names the text in messages ("" for a whole file, "line 3" for a JSONL line).
 */
function parseJsonText(text, source, what = '') {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        // Outside strings, NaN becomes null (our NaN) and ±Infinity an overflowing literal that parses to ±Infinity.
        const patched = text.replace(/"(?:[^"\\]|\\.)*"|-?Infinity|NaN/g, (token) => token[0] === '"' ? token : token === 'NaN' ? 'null' : token.replace('Infinity', '1e999'));
        if (patched !== text) {
            try {
                return JSON.parse(patched);
            }
            catch {
                // report the original error below
            }
        }
        return fail(source, `${what ? `${what} is` : 'is'} not valid JSON (${jsonErrorText(error, text)})`);
    }
}
/** V8's message, with "at position N" turned into a line and column and quoted text dropped. */
function jsonErrorText(error, text) {
    const message = error.message.replace(/, ".*" is not valid JSON$/s, '');
    const at = /at position (\d+)/.exec(message);
    if (!at)
        return message;
    const before = text.slice(0, Number(at[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return message.replace(/ in JSON at position \d+.*$/s, '').replace(/ at position \d+.*$/s, '') + ` at line ${line}, column ${column}`;
}
/** RFC 6901 reference tokens of a pointer such as "/a/0/b~1c"; "" is the whole document. */
function pointerTokens(pointer, source) {
    if (pointer === '')
        return [];
    if (!pointer.startsWith('/'))
        fail(source, `a JSON pointer starts with "/": write ${source}#/${pointer}`);
    if (/~(?![01])/.test(pointer))
        fail(`${source}#${pointer}`, 'in a JSON pointer "~" is written ~0 (and "/" inside a key ~1)');
    return pointer
        .slice(1)
        .split('/')
        .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}
/** Spells a path as a JSON pointer for messages ("#/a/0"), or "the top level". */
function pointerText(path) {
    if (path.length === 0)
        return 'the top level';
    return '#/' + path.map((t) => String(t).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}
/** Follows pointer tokens into a parsed document; a miss names the level where it failed and what is there. */
function resolvePointer(doc, tokens, display, where = pointerText) {
    let value = doc;
    for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i];
        const at = where(tokens.slice(0, i));
        if (Array.isArray(value)) {
            const index = /^(0|[1-9]\d*)$/.test(token) ? Number(token) : NaN;
            if (!(index < value.length))
                fail(display, `no index "${token}" in the array at ${at} (it has ${value.length} elements)`);
            value = value[index];
        }
        else if (value !== null && typeof value === 'object') {
            const keys = Object.keys(value);
            if (!Object.hasOwn(value, token)) {
                fail(display, `no key "${token}" at ${at}${didYouMean(token, keys)}; keys there: ${listText(keys)}`);
            }
            value = value[token];
        }
        else {
            fail(display, `${at} is ${kindText(value)}, there is no "${token}" inside it`);
        }
    }
    return value;
}
function kindText(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
/**
 * Converts a number, or a nested rectangular array of numbers / booleans / nulls, to an n-d array;
 * an array of strings becomes a text array. `base` is the path of `value` itself, for messages.
 */
function jsonToArray(value, display, base = [], where = pointerText) {
    const shape = [];
    for (let v = value; Array.isArray(v); v = v[0]) {
        shape.push(v.length);
        if (v.length === 0)
            break;
    }
    const numbers = [];
    const strings = [];
    let textAt;
    let numberAt;
    let booleans = 0;
    // One mutable path stack: copying a path per element would dominate the cost for large arrays.
    const path = [...base];
    const visit = (v, depth) => {
        if (depth < shape.length) {
            const expected = `expected ${Array.isArray(v) ? '' : 'an array of '}${shape[depth]} like the first`;
            if (!Array.isArray(v))
                fail(display, `ragged array: ${where(path)} is ${kindText(v)}, ${expected}`);
            if (v.length !== shape[depth])
                fail(display, `ragged array: ${where(path)} has ${v.length} elements, ${expected}`);
            for (let i = 0; i < v.length; i++) {
                path.push(i);
                visit(v[i], depth + 1);
                path.pop();
            }
            return;
        }
        if (typeof v === 'string') {
            textAt ??= where(path);
            strings.push(v);
            return;
        }
        if (typeof v === 'number' || typeof v === 'boolean' || v === null) {
            numberAt ??= where(path);
            if (typeof v === 'boolean')
                booleans++;
            numbers.push(v === null ? NaN : Number(v));
            return;
        }
        if (Array.isArray(v))
            fail(display, `ragged array: ${where(path)} is an array, expected a number like the first`);
        const keys = Object.keys(v);
        const hint = keys.length > 0 ? ` (e.g. ${pointerText([...path, keys[0]])})` : '';
        fail(display, `${where(path)} is an object with keys ${listText(keys, 8)}; point at a number or an array inside it${hint}`);
    };
    visit(value, 0);
    if (textAt !== undefined && numberAt !== undefined) {
        fail(display, `mixes numbers (${numberAt}) and text (${textAt}); expected all numbers or all strings`);
    }
    if (textAt !== undefined)
        return makeStrings(strings, shape, 'str', display);
    const dtype = booleans > 0 && booleans === numbers.length ? 'bool' : 'float64';
    return makeArray(Float64Array.from(numbers), shape, dtype, display);
}
/** Parses a .json file once, so several pointers into it share the work. */
function parseJsonDocument(bytes, source) {
    return parseJsonText(decodeText(bytes), source);
}
/** The array at `pointer` ("/a/0/b"; "" or undefined for the whole document). */
function selectJson(doc, pointer, source) {
    const display = pointer ? `${source}#${pointer}` : source;
    const tokens = pointerTokens(pointer ?? '', source);
    return jsonToArray(resolvePointer(doc, tokens, display), display, tokens);
}

/** RFC 4180: quoted fields with "" escapes, commas and newlines inside quotes, LF or CRLF line ends. */
function parseCsv(bytes, source) {
    const text = decodeText(bytes);
    const records = [];
    const starts = [];
    let line = 1;
    let pos = 0;
    while (pos < text.length) {
        const record = [];
        const start = line;
        let quotedAny = false;
        for (;;) {
            let field = '';
            if (text[pos] === '"') {
                quotedAny = true;
                pos++;
                for (;;) {
                    const close = text.indexOf('"', pos);
                    if (close < 0)
                        fail(source, `line ${start}: a quoted field is never closed`);
                    field += text.slice(pos, close);
                    line += countNewlines(text, pos, close);
                    pos = close + 1;
                    if (text[pos] !== '"')
                        break;
                    field += '"';
                    pos++;
                }
            }
            // Unquoted text (or stray text after a closing quote, kept as written) runs to the next delimiter.
            let end = pos;
            while (end < text.length && text[end] !== ',' && text[end] !== '\n' && text[end] !== '\r')
                end++;
            field += text.slice(pos, end);
            pos = end;
            record.push(field);
            if (text[pos] === ',') {
                pos++;
                continue;
            }
            if (text[pos] === '\r')
                pos++;
            if (text[pos] === '\n')
                pos++;
            line++;
            break;
        }
        // Blank lines (typically a trailing one) are not records.
        if (record.length === 1 && record[0].trim() === '' && !quotedAny)
            continue;
        records.push(record);
        starts.push(start);
    }
    if (records.length === 0)
        fail(source, 'is empty (expected a header row)');
    const columns = records[0].map((name) => name.trim());
    const rows = records.slice(1);
    const lines = starts.slice(1);
    rows.forEach((row, i) => {
        if (row.length !== columns.length)
            fail(source, `line ${lines[i]} has ${row.length} fields, the header has ${columns.length}`);
    });
    return { columns, rows, lines };
}
function countNewlines(text, from, to) {
    let n = 0;
    for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1))
        n++;
    return n;
}
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const SPECIAL = {
    nan: NaN, '+nan': NaN, '-nan': NaN,
    inf: Infinity, '+inf': Infinity, infinity: Infinity, '+infinity': Infinity,
    '-inf': -Infinity, '-infinity': -Infinity,
    true: 1, false: 0
};
/** A cell as a number, strictly: decimals, nan, ±inf, true/false; empty is NaN; anything else undefined. */
function parseCell(cell) {
    const text = cell.trim();
    if (text === '')
        return NaN;
    if (DECIMAL.test(text))
        return Number(text);
    const lower = text.toLowerCase();
    return Object.hasOwn(SPECIAL, lower) ? SPECIAL[lower] : undefined;
}
/**
 * One column by header name: numbers, or text when no non-empty cell is numeric. Without a column,
 * a single-column file gives that column and a wider one the numeric table [rows, columns].
 */
function selectCsv(table, column, source, opts = {}) {
    const { columns, rows } = table;
    if (!column) {
        if (columns.length === 1)
            return selectCsv(table, columns[0], source, opts);
        const data = new Float64Array(rows.length * columns.length);
        columns.forEach((name, j) => {
            const values = columnValues(table, j, `${source}#${name}`, opts);
            if (values.strings)
                fail(source, `column "${name}" holds text; name a numeric column, e.g. ${source}#${name}`);
            values.data.forEach((v, i) => (data[i * columns.length + j] = v));
        });
        return makeArray(data, [rows.length, columns.length], 'float64', source);
    }
    const index = columns.indexOf(column);
    if (index < 0)
        fail(source, `no column "${column}"${didYouMean(column, columns)}; columns: ${listText(columns)}`);
    return columnValues(table, index, `${source}#${column}`, opts);
}
function columnValues(table, index, display, opts) {
    // Surrounding spaces ("a, b") are formatting, not part of an id or a number.
    const cells = table.rows.map((row) => row[index].trim());
    if (opts.text)
        return makeStrings(cells, [cells.length], 'str', display);
    const numbers = cells.map(parseCell);
    const filled = cells.map((cell, i) => ({ cell, i })).filter(({ cell }) => cell !== '');
    const textCells = filled.filter(({ i }) => numbers[i] === undefined);
    if (textCells.length === 0) {
        const bools = filled.every(({ cell }) => /^(true|false)$/i.test(cell));
        return makeArray(Float64Array.from(numbers), [cells.length], filled.length > 0 && bools ? 'bool' : 'float64', display);
    }
    if (textCells.length === filled.length)
        return makeStrings(cells, [cells.length], 'str', display);
    // Mixed: name the first cell of the minority kind, which is the likely typo.
    const odd = textCells.length * 2 <= filled.length ? textCells[0] : filled.find(({ i }) => numbers[i] !== undefined);
    const where = `row ${odd.i + 1} (line ${table.lines[odd.i]})`;
    const what = numbers[odd.i] === undefined ? 'is not a number, but the column holds numbers' : 'is a number, but the column holds text';
    return fail(display, `${where}: ${JSON.stringify(odd.cell)} ${what}`);
}

/** Parses every non-blank line; a line that is not JSON fails with its line number. */
function parseJsonLines(bytes, source) {
    const lines = decodeText(bytes).split('\n');
    const out = [];
    for (let i = 0; i < lines.length; i++) {
        const text = lines[i].trim();
        if (text !== '')
            out.push({ line: i + 1, value: parseJsonText(text, source, `line ${i + 1}`) });
    }
    return out;
}
/**
 * Takes `member` from every line: a key of each line's object, or a JSON pointer ("/a/b") into it;
 * without a member, each line's value itself. Numbers give [N], equal-length arrays [N, C], strings text.
 */
function selectJsonLines(lines, member, source) {
    const display = member ? `${source}#${member}` : source;
    const tokens = member?.startsWith('/') ? pointerTokens(member, source) : undefined;
    const values = lines.map(({ line, value }) => {
        const where = (path) => path.length === 0 ? `line ${line}` : `line ${line} at ${pointerText(path)}`;
        if (tokens)
            return resolvePointer(value, tokens, display, where);
        const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
        if (!member) {
            if (!isObject)
                return value;
            const keys = Object.keys(value);
            return fail(source, `name a key of each line, e.g. ${source}#${keys[0] ?? 'score'} (keys on line ${line}: ${listText(keys)})`);
        }
        if (!isObject)
            return fail(display, `line ${line} is ${kindText(value)}, expected an object with key "${member}"`);
        if (!Object.hasOwn(value, member)) {
            const keys = Object.keys(value);
            return fail(display, `line ${line} has no key "${member}"${didYouMean(member, keys)}; keys there: ${listText(keys)}`);
        }
        return value[member];
    });
    const where = (path) => {
        if (path.length === 0)
            return 'the file';
        const line = `line ${lines[path[0]].line}`;
        const inside = path.slice(1).join('/');
        return path.length === 1 ? line : `${line} at ${member ?? ''}/${inside}`;
    };
    return jsonToArray(values, display, [], where);
}

/** Parses one Python literal (the repr numpy writes); throws a plain Error with the offset on anything else. */
function parsePyLiteral(text) {
    let pos = 0;
    const skipSpace = () => {
        while (pos < text.length && /\s/.test(text[pos]))
            pos++;
    };
    const bad = (what) => {
        throw new Error(`${what} at offset ${pos}`);
    };
    const expect = (ch) => {
        skipSpace();
        if (text[pos] !== ch)
            bad(`expected "${ch}"`);
        pos++;
    };
    const parseString = () => {
        const quote = text[pos++];
        let out = '';
        while (pos < text.length && text[pos] !== quote) {
            if (text[pos] !== '\\') {
                out += text[pos++];
                continue;
            }
            const esc = text[pos + 1];
            pos += 2;
            if (esc === 'x' || esc === 'u') {
                const len = esc === 'x' ? 2 : 4;
                const hex = text.slice(pos, pos + len);
                if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len)
                    bad('bad escape');
                out += String.fromCharCode(parseInt(hex, 16));
                pos += len;
            }
            else {
                const simple = { n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', "'": "'", '"': '"' };
                out += simple[esc] ?? bad('bad escape');
            }
        }
        if (pos >= text.length)
            bad('unterminated string');
        pos++;
        return out;
    };
    // Tuples and lists close with different brackets but mean the same here.
    const parseSequence = (close) => {
        const items = [];
        for (;;) {
            skipSpace();
            if (text[pos] === close)
                break;
            items.push(parseValue());
            skipSpace();
            if (text[pos] === ',')
                pos++;
            else if (text[pos] !== close)
                bad(`expected "," or "${close}"`);
        }
        pos++;
        return items;
    };
    const parseDict = () => {
        const dict = {};
        for (;;) {
            skipSpace();
            if (text[pos] === '}')
                break;
            const key = parseValue();
            if (typeof key !== 'string')
                bad('dict key is not a string');
            expect(':');
            dict[key] = parseValue();
            skipSpace();
            if (text[pos] === ',')
                pos++;
            else if (text[pos] !== '}')
                bad('expected "," or "}"');
        }
        pos++;
        return dict;
    };
    const parseValue = () => {
        skipSpace();
        const ch = text[pos];
        if (ch === '{') {
            pos++;
            return parseDict();
        }
        if (ch === '(' || ch === '[') {
            pos++;
            return parseSequence(ch === '(' ? ')' : ']');
        }
        if (ch === "'" || ch === '"')
            return parseString();
        // Python 2 era headers write longs as "3L".
        const number = /^-?\d+L?/.exec(text.slice(pos, pos + 32));
        if (number) {
            pos += number[0].length;
            return Number(number[0].replace('L', ''));
        }
        for (const [word, value] of [['True', true], ['False', false], ['None', null]]) {
            if (text.startsWith(word, pos)) {
                pos += word.length;
                return value;
            }
        }
        return bad('unexpected character');
    };
    const value = parseValue();
    skipSpace();
    if (pos !== text.length)
        bad('trailing text');
    return value;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"
const HOST_LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const NUMERIC_NAMES = {
    b1: 'bool', i1: 'int8', i2: 'int16', i4: 'int32', i8: 'int64',
    u1: 'uint8', u2: 'uint16', u4: 'uint32', u8: 'uint64', f2: 'float16', f4: 'float32', f8: 'float64'
};
/** numpy refuses longer headers by default (np.load max_header_size); so do we, before reading them. */
const MAX_HEADER_BYTES = 10_000;
/** Memory a whole decoded array may take unless told otherwise: 2 GiB (streamed metrics need none of it). */
const DEFAULT_MEMORY_BUDGET = 2 ** 31;
/** Bytes read from the file per step when decoding a whole array. */
const STEP_BYTES = 4 * 2 ** 20;
/** Magic, version and header dict from the start of a stream, which is left at the first data byte. */
function readNpyHeader(src, source) {
    const first = new Uint8Array(12);
    const got = readFull(src, first);
    const prefix = first.subarray(0, got);
    if (got < 10 || MAGIC.some((b, i) => prefix[i] !== b))
        parseNpyHeader(prefix, source);
    const major = prefix[6];
    if (major < 1 || major > 3 || prefix[7] !== 0)
        parseNpyHeader(prefix, source);
    const view = new DataView(first.buffer);
    const start = major === 1 ? 10 : 12;
    if (got < 12)
        fail(source, 'header is truncated');
    const length = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
    if (length > MAX_HEADER_BYTES) {
        fail(source, `header is ${length} bytes, over numpy's limit of ${MAX_HEADER_BYTES} (np.load refuses it too); save the array again with np.save`);
    }
    const whole = new Uint8Array(start + length);
    whole.set(first.subarray(0, Math.min(12, whole.length)));
    if (whole.length > 12 && readFull(src, whole.subarray(12)) !== whole.length - 12) {
        fail(source, `header is truncated (declares ${length} bytes, file has ${(src.size ?? got) - start})`);
    }
    const header = parseNpyHeader(whole, source);
    const n = product(header.shape);
    if (!Number.isSafeInteger(n * Math.max(1, header.dtype.itemsize)))
        fail(source, `shape ${shapeText(header.shape)} is too large to be real`);
    if (src.size !== undefined)
        checkDataSize(header, src.size - header.dataOffset, source);
    return header;
}
/** Refuses a header whose shape disagrees with the bytes that follow it (a lying or truncated file). */
function checkDataSize(header, available, source) {
    const needed = product(header.shape) * header.dtype.itemsize;
    if (available === needed)
        return;
    const hint = available > needed ? ' (extra bytes at the end: several arrays saved into one file? use np.savez)' : '';
    fail(source, `data has ${available} bytes, shape ${shapeText(header.shape)} ${header.dtype.name} needs ${needed}${hint}`);
}
/** Bytes of memory decoding the whole array takes: float64 values, plus the strings, plus a Fortran reorder copy. */
function decodedBytes(header) {
    const n = product(header.shape);
    const text = header.dtype.kind === 'U' || header.dtype.kind === 'S';
    // A JS string costs a few dozen bytes even when empty.
    const perElement = 8 + (text ? 40 + header.dtype.itemsize : 0) + (header.fortranOrder ? 8 : 0);
    return n * perElement;
}
/** Refuses, before allocating, an array whose decoded form would not fit the memory budget. */
function checkBudget(header, budget, source) {
    const bytes = decodedBytes(header);
    if (bytes > budget) {
        fail(source, `decoding shape ${shapeText(header.shape)} ${header.dtype.name} takes ${bytes} bytes of memory, over the budget of ${budget} bytes; ` +
            'metrics that read arrays row by row have no such limit; raise it with INTERP_GATE_MEMORY_BUDGET=<bytes>');
    }
}
/** Decodes a whole .npy stream into a C-order array, a few MiB of file at a time; refuses what would not fit `budget`. */
function readNpyArray(src, source, budget = DEFAULT_MEMORY_BUDGET) {
    const header = readNpyHeader(src, source);
    checkBudget(header, budget, source);
    const { dtype, shape } = header;
    const n = product(shape);
    const reorder = header.fortranOrder && shape.length > 1;
    if (dtype.kind === 'U' || dtype.kind === 'S') {
        const bytes = new Uint8Array(n * dtype.itemsize);
        readData(src, bytes, header, 0, source);
        finishData(src, header, n * dtype.itemsize, source);
        const raw = decodeStrings(bytes, 0, n, dtype);
        const strings = reorder ? new Array(n) : raw;
        if (reorder)
            walkFortran(shape, (c, f) => (strings[c] = raw[f]));
        return makeStrings(strings, shape, dtype.name, source);
    }
    const raw = new Float64Array(n);
    const wide = dtype.kind !== 'f' && dtype.itemsize === 8 ? new Array() : undefined;
    const perStep = Math.max(1, Math.floor(STEP_BYTES / Math.max(1, dtype.itemsize)));
    const buffer = new Uint8Array(Math.min(n, perStep) * dtype.itemsize);
    for (let done = 0; done < n;) {
        const count = Math.min(perStep, n - done);
        const bytes = buffer.subarray(0, count * dtype.itemsize);
        readData(src, bytes, header, done * dtype.itemsize, source);
        decodeInto(bytes, count, dtype, raw.subarray(done, done + count), wide);
        done += count;
    }
    finishData(src, header, n * dtype.itemsize, source);
    let data = raw;
    if (reorder) {
        data = new Float64Array(n);
        walkFortran(shape, (c, f) => (data[c] = raw[f]));
    }
    const array = makeArray(data, shape, dtype.name, source);
    // 64-bit integers beyond ±2^53 don't survive float64: keep them exact for ids.
    if (wide && wide.length > 0)
        array.exact = reorder ? reorderExact(shape, exactOf(raw, wide)) : exactOf(raw, wide);
    return array;
}
/** Fills `bytes` from the stream; a short read means the file holds less data than its header says. */
function readData(src, bytes, header, offset, source) {
    const got = readFull(src, bytes);
    if (got !== bytes.length) {
        const needed = product(header.shape) * header.dtype.itemsize;
        fail(source, `data has ${offset + got} bytes, shape ${shapeText(header.shape)} ${header.dtype.name} needs ${needed}`);
    }
}
/** After the last data byte: nothing may follow (and an .npz member's CRC is checked as its stream ends). */
function finishData(src, header, needed, source) {
    const extra = new Uint8Array(1);
    if (readFull(src, extra) !== 0) {
        checkDataSize(header, src.size !== undefined ? src.size - header.dataOffset : needed + 1, source);
        fail(source, `data has more than the ${needed} bytes shape ${shapeText(header.shape)} ${header.dtype.name} needs (extra bytes at the end: several arrays saved into one file? use np.savez)`);
    }
}
/** True when an array can be read row by row: numeric, C order (or 1-d), at least one dimension. */
function streamable(header) {
    const text = header.dtype.kind === 'U' || header.dtype.kind === 'S';
    return !text && header.shape.length >= 1 && !(header.fortranOrder && header.shape.length > 1);
}
/** Opens a stream positioned at row `firstRow` (just after the header for 0) for row-block reads (see streamable). */
function npyRows(src, header, source, firstRow = 0) {
    const { dtype, shape } = header;
    const rows = shape[0];
    const rowSize = product(shape.slice(1));
    let buffer = new Uint8Array(0);
    let done = firstRow;
    return {
        header,
        rows,
        rowSize,
        next(count, out) {
            const elements = count * rowSize;
            const length = elements * dtype.itemsize;
            if (buffer.length < length)
                buffer = new Uint8Array(length);
            const bytes = buffer.subarray(0, length);
            readData(src, bytes, header, done * rowSize * dtype.itemsize, source);
            decodeInto(bytes, elements, dtype, out.subarray(0, elements));
            done += count;
        },
        finish: () => finishData(src, header, rows * rowSize * dtype.itemsize, source)
    };
}
/** Checks the magic and version and parses the header dict; every failure names the file. */
function parseNpyHeader(bytes, source) {
    if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) {
        const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
        fail(source, `not a .npy file (bad magic)${zip ? '; it looks like a zip archive (.npz)' : ''}`);
    }
    const major = bytes[6];
    const minor = bytes[7];
    if (major < 1 || major > 3 || minor !== 0)
        fail(source, `unsupported .npy format version ${major}.${minor}`);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const start = major === 1 ? 10 : 12;
    if (bytes.length < start)
        fail(source, 'header is truncated');
    const length = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
    if (start + length > bytes.length)
        fail(source, `header is truncated (declares ${length} bytes, file has ${bytes.length})`);
    const raw = bytes.subarray(start, start + length);
    // Versions 1 and 2 store the header as latin1, version 3 as utf8.
    const text = major === 3 ? new TextDecoder('utf-8').decode(raw) : latin1(raw);
    let dict;
    try {
        dict = parsePyLiteral(text.trim());
    }
    catch (e) {
        return fail(source, `header is not a valid dict (${e.message}): ${JSON.stringify(text.trim().slice(0, 120))}`);
    }
    if (dict === null || typeof dict !== 'object' || Array.isArray(dict))
        return fail(source, 'header is not a valid dict');
    const { descr, fortran_order: fortranOrder, shape } = dict;
    if (descr === undefined || typeof fortranOrder !== 'boolean' || !Array.isArray(shape)) {
        fail(source, `header is not a valid dict (needs descr, fortran_order and shape): ${JSON.stringify(text.trim())}`);
    }
    if (!shape.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)) {
        fail(source, `header is not a valid dict (bad shape ${JSON.stringify(shape)})`);
    }
    return { dtype: parseDescr(descr, source), fortranOrder, shape: shape, dataOffset: start + length };
}
function latin1(raw) {
    let text = '';
    for (const byte of raw)
        text += String.fromCharCode(byte);
    return text;
}
/** Maps a numpy descr to a readable dtype, or throws a message saying what to save instead. */
function parseDescr(descr, source) {
    if (Array.isArray(descr)) {
        const fields = descr.map((field) => (Array.isArray(field) ? String(field[0]) : '?'));
        return fail(source, `unsupported dtype: a structured (record) array with fields ${fields.map((f) => `"${f}"`).join(', ')}; ` +
            'save each field as its own array (np.savez(path, name=arr["name"], ...))');
    }
    if (typeof descr !== 'string')
        return fail(source, `header is not a valid dict (bad descr ${JSON.stringify(descr)})`);
    const match = /^([<>=|]?)([a-zA-Z?])(\d*)(\[\w+\])?$/.exec(descr);
    if (!match)
        return fail(source, `unsupported dtype '${descr}'`);
    const [, order, code, digits] = match;
    const kind = code === '?' ? 'b' : code === 'a' ? 'S' : code;
    const size = digits === '' ? (kind === 'b' ? 1 : NaN) : Number(digits);
    // '=' is the writer's native order; numpy itself always writes '<' or '>', so we take ours.
    const little = order === '>' ? false : order === '<' ? true : HOST_LITTLE;
    if (kind === 'O') {
        return fail(source, "object arrays (pickled Python objects) can't be read; save a numeric or string array " +
            '(np.save(..., arr.astype(np.float64)))');
    }
    if (kind === 'U' || kind === 'S') {
        if (!Number.isInteger(size))
            return fail(source, `unsupported dtype '${descr}'`);
        return { kind, itemsize: kind === 'U' ? 4 * size : size, little, name: kind === 'U' ? 'str' : 'bytes' };
    }
    const name = NUMERIC_NAMES[`${kind}${size}`];
    if (name)
        return { kind: kind, itemsize: size, little, name };
    const advice = {
        c: `complex${size * 8}; save a real array (arr.real, arr.imag or np.abs(arr))`,
        f: `float${size * 8} (long double); save arr.astype(np.float64)`,
        M: 'datetime64; save arr.astype(np.int64) or seconds as float64',
        m: 'timedelta64; save arr.astype(np.int64) or seconds as float64',
        V: 'void (raw bytes); save a numeric array'
    };
    return fail(source, `unsupported dtype '${descr}'${advice[kind] ? `: ${advice[kind]}` : ''}`);
}
const VIEWS = {
    b1: Uint8Array, i1: Int8Array, i2: Int16Array, i4: Int32Array,
    u1: Uint8Array, u2: Uint16Array, u4: Uint32Array, f2: Uint16Array, f4: Float32Array, f8: Float64Array
};
/**
 * Decodes n numbers in file order from `bytes` (a fresh, so aligned, buffer) into `out`; a typed-array view
 * when host-endian, DataView otherwise. 64-bit integers beyond ±2^53 are pushed to `wide` (see exactOf).
 */
function decodeInto(bytes, n, dtype, out, wide) {
    const { kind, itemsize, little } = dtype;
    const key = `${kind}${itemsize}`;
    const byteOffset = bytes.byteOffset;
    const fast = (itemsize === 1 || little === HOST_LITTLE) && byteOffset % itemsize === 0;
    if (fast && key === 'f8') {
        out.set(new Float64Array(bytes.buffer, byteOffset, n));
        return;
    }
    if (fast && key in VIEWS) {
        const src = new VIEWS[key](bytes.buffer, byteOffset, n);
        if (kind === 'f' && itemsize === 2)
            for (let i = 0; i < n; i++)
                out[i] = float16(src[i]);
        else if (kind === 'b')
            for (let i = 0; i < n; i++)
                out[i] = src[i] ? 1 : 0;
        else
            out.set(src);
        return;
    }
    if (itemsize === 8 && kind !== 'f') {
        const view = new DataView(bytes.buffer, byteOffset, n * 8);
        for (let i = 0; i < n; i++) {
            const value = kind === 'i' ? view.getBigInt64(i * 8, little) : view.getBigUint64(i * 8, little);
            out[i] = Number(value);
            if (wide && !Number.isSafeInteger(out[i]))
                wide.push(value);
        }
        return;
    }
    const view = new DataView(bytes.buffer, byteOffset, n * itemsize);
    const read = reader(view, key, little);
    for (let i = 0; i < n; i++)
        out[i] = read(i * itemsize);
}
/** Exact decimal text of every element, given the float64 values and, in order, the exact values of those beyond 2^53. */
function exactOf(values, wide) {
    let k = 0;
    return Array.from(values, (v) => (Number.isSafeInteger(v) ? String(v) : wide[k++].toString()));
}
function reorderExact(shape, raw) {
    const out = new Array(raw.length);
    walkFortran(shape, (c, f) => (out[c] = raw[f]));
    return out;
}
/** An element getter for the slow path (unaligned or foreign byte order). */
function reader(view, key, little) {
    switch (key) {
        case 'b1': return (at) => (view.getUint8(at) ? 1 : 0);
        case 'i1': return (at) => view.getInt8(at);
        case 'u1': return (at) => view.getUint8(at);
        case 'i2': return (at) => view.getInt16(at, little);
        case 'u2': return (at) => view.getUint16(at, little);
        case 'i4': return (at) => view.getInt32(at, little);
        case 'u4': return (at) => view.getUint32(at, little);
        case 'f2': return (at) => float16(view.getUint16(at, little));
        case 'f4': return (at) => view.getFloat32(at, little);
        default: return (at) => view.getFloat64(at, little);
    }
}
/** IEEE 754 half precision to float64, by hand since Node 20 has no Float16Array. */
function float16(bits) {
    const sign = bits & 0x8000 ? -1 : 1;
    const exponent = (bits >> 10) & 0x1f;
    const fraction = bits & 0x3ff;
    if (exponent === 0)
        return sign * fraction * 2 ** -24; // zero and subnormals
    if (exponent === 0x1f)
        return fraction ? NaN : sign * Infinity;
    return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}
/** Fixed-width 'U' (UTF-32) or 'S' (bytes) elements; numpy pads with NULs, which we strip from the end. */
function decodeStrings(bytes, offset, n, dtype) {
    const out = new Array(n);
    const { itemsize, little } = dtype;
    if (dtype.kind === 'S') {
        const utf8 = new TextDecoder('utf-8');
        for (let i = 0; i < n; i++) {
            const start = offset + i * itemsize;
            let end = start + itemsize;
            while (end > start && bytes[end - 1] === 0)
                end--;
            out[i] = utf8.decode(bytes.subarray(start, end));
        }
        return out;
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset + offset, n * itemsize);
    const chars = itemsize / 4;
    for (let i = 0; i < n; i++) {
        const points = [];
        for (let j = 0; j < chars; j++)
            points.push(view.getUint32((i * chars + j) * 4, little));
        while (points.length > 0 && points[points.length - 1] === 0)
            points.pop();
        out[i] = String.fromCodePoint(...points.map((p) => (p > 0x10ffff ? 0xfffd : p)));
    }
    return out;
}
/** Calls copy(c, f) for every element with its C-order and Fortran-order offsets, walking C order. */
function walkFortran(shape, copy) {
    const n = product(shape);
    const nd = shape.length;
    const strides = [];
    for (let d = 0, s = 1; d < nd; s *= shape[d], d++)
        strides.push(s);
    const index = new Array(nd).fill(0);
    let f = 0;
    for (let c = 0; c < n; c++) {
        copy(c, f);
        // Odometer: bump the last axis, carrying into earlier ones.
        for (let d = nd - 1; d >= 0; d--) {
            index[d]++;
            f += strides[d];
            if (index[d] < shape[d])
                break;
            f -= strides[d] * shape[d];
            index[d] = 0;
        }
    }
}

var require$1 = createRequire('/');
// DEFLATE is a complex format; to read this code, you should probably check the RFC first:
// https://tools.ietf.org/html/rfc1951
// You may also wish to take a look at the guide I made about this program:
// https://gist.github.com/101arrowz/253f31eb5abc3d9275ab943003ffecad
// Some of the following code is similar to that of UZIP.js:
// https://github.com/photopea/UZIP.js
// However, the vast majority of the codebase has diverged from UZIP.js to increase performance and reduce bundle size.
// Sometimes 0 will appear where -1 would be more appropriate. This is because using a uint
// is better for memory in most engines (I *think*).
var _a;
// Mediocre shim
var Worker;
var isMarkedAsUntransferable;
try {
    (_a = require$1('worker_threads'), Worker = _a.Worker, isMarkedAsUntransferable = _a.isMarkedAsUntransferable);
}
catch (e) {
}

// aliases for shorter compressed code (most minifers don't do this)
var u8 = Uint8Array, u16 = Uint16Array, i32 = Int32Array;
// fixed length extra bits
var fleb = new u8([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0, /* unused */ 0, 0, /* impossible */ 0]);
// fixed distance extra bits
var fdeb = new u8([0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, /* unused */ 0, 0]);
// code length index map
var clim = new u8([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]);
// get base, reverse index map from extra bits
var freb = function (eb, start) {
    var b = new u16(31);
    for (var i = 0; i < 31; ++i) {
        b[i] = start += 1 << eb[i - 1];
    }
    // numbers here are at max 18 bits
    var r = new i32(b[30]);
    for (var i = 1; i < 30; ++i) {
        for (var j = b[i]; j < b[i + 1]; ++j) {
            r[j] = ((j - b[i]) << 5) | i;
        }
    }
    return { b: b, r: r };
};
var _a = freb(fleb, 2), fl = _a.b, revfl = _a.r;
// we can ignore the fact that the other numbers are wrong; they never happen anyway
fl[28] = 258, revfl[258] = 28;
var _b = freb(fdeb, 0), fd = _b.b; _b.r;
// map of value to reverse (assuming 16 bits)
var rev = new u16(32768);
for (var i = 0; i < 32768; ++i) {
    // reverse table algorithm from SO
    var x = ((i & 0xAAAA) >> 1) | ((i & 0x5555) << 1);
    x = ((x & 0xCCCC) >> 2) | ((x & 0x3333) << 2);
    x = ((x & 0xF0F0) >> 4) | ((x & 0x0F0F) << 4);
    rev[i] = (((x & 0xFF00) >> 8) | ((x & 0x00FF) << 8)) >> 1;
}
// create huffman tree from u8 "map": index -> code length for code index
// mb (max bits) must be at most 15
// TODO: optimize/split up?
var hMap = (function (cd, mb, r) {
    var s = cd.length;
    // index
    var i = 0;
    // u16 "map": index -> # of codes with bit length = index
    var l = new u16(mb);
    // length of cd must be 288 (total # of codes)
    for (; i < s; ++i) {
        if (cd[i])
            ++l[cd[i] - 1];
    }
    // u16 "map": index -> minimum code for bit length = index
    var le = new u16(mb);
    for (i = 1; i < mb; ++i) {
        le[i] = (le[i - 1] + l[i - 1]) << 1;
    }
    var co;
    if (r) {
        // u16 "map": index -> number of actual bits, symbol for code
        co = new u16(1 << mb);
        // bits to remove for reverser
        var rvb = 15 - mb;
        for (i = 0; i < s; ++i) {
            // ignore 0 lengths
            if (cd[i]) {
                // num encoding both symbol and bits read
                var sv = (i << 4) | cd[i];
                // free bits
                var r_1 = mb - cd[i];
                // start value
                var v = le[cd[i] - 1]++ << r_1;
                // m is end value
                for (var m = v | ((1 << r_1) - 1); v <= m; ++v) {
                    // every 16 bit value starting with the code yields the same result
                    co[rev[v] >> rvb] = sv;
                }
            }
        }
    }
    else {
        co = new u16(s);
        for (i = 0; i < s; ++i) {
            if (cd[i]) {
                co[i] = rev[le[cd[i] - 1]++] >> (15 - cd[i]);
            }
        }
    }
    return co;
});
// fixed length tree
var flt = new u8(288);
for (var i = 0; i < 144; ++i)
    flt[i] = 8;
for (var i = 144; i < 256; ++i)
    flt[i] = 9;
for (var i = 256; i < 280; ++i)
    flt[i] = 7;
for (var i = 280; i < 288; ++i)
    flt[i] = 8;
// fixed distance tree
var fdt = new u8(32);
for (var i = 0; i < 32; ++i)
    fdt[i] = 5;
// fixed length map
var flrm = /*#__PURE__*/ hMap(flt, 9, 1);
// fixed distance map
var fdrm = /*#__PURE__*/ hMap(fdt, 5, 1);
// find max of array
var max = function (a) {
    var m = a[0];
    for (var i = 1; i < a.length; ++i) {
        if (a[i] > m)
            m = a[i];
    }
    return m;
};
// read d, starting at bit p and mask with m
var bits = function (d, p, m) {
    var o = (p / 8) | 0;
    return ((d[o] | (d[o + 1] << 8)) >> (p & 7)) & m;
};
// read d, starting at bit p continuing for at least 16 bits
var bits16 = function (d, p) {
    var o = (p / 8) | 0;
    return ((d[o] | (d[o + 1] << 8) | (d[o + 2] << 16)) >> (p & 7));
};
// get end of byte
var shft = function (p) { return ((p + 7) / 8) | 0; };
// typed array slice - allows garbage collector to free original reference,
// while being more compatible than .slice
var slc = function (v, s, e) {
    if (s == null || s < 0)
        s = 0;
    if (e == null || e > v.length)
        e = v.length;
    // can't use .constructor in case user-supplied
    return new u8(v.subarray(s, e));
};
// error codes
var ec = [
    'unexpected EOF',
    'invalid block type',
    'invalid length/literal',
    'invalid distance',
    'stream finished',
    'no stream handler',
    , // determined by compression function
    'no callback',
    'invalid UTF-8 data',
    'extra field too long',
    'date not in range 1980-2099',
    'filename too long',
    'stream finishing',
    'invalid zip data'
    // determined by unknown compression method
];
var err = function (ind, msg, nt) {
    var e = new Error(msg || ec[ind]);
    e.code = ind;
    if (Error.captureStackTrace)
        Error.captureStackTrace(e, err);
    if (!nt)
        throw e;
    return e;
};
// expands raw DEFLATE data
var inflt = function (dat, st, buf, dict) {
    // source length       dict length
    var sl = dat.length, dl = dict ? dict.length : 0;
    if (!sl || st.f && !st.l)
        return buf || new u8(0);
    var noBuf = !buf;
    // have to estimate size
    var resize = noBuf || st.i != 2;
    // no state
    var noSt = st.i;
    // Assumes roughly 33% compression ratio average
    if (noBuf)
        buf = new u8(sl * 3);
    // ensure buffer can fit at least l elements
    var cbuf = function (l) {
        var bl = buf.length;
        // need to increase size to fit
        if (l > bl) {
            // Double or set to necessary, whichever is greater
            var nbuf = new u8(Math.max(bl * 2, l));
            nbuf.set(buf);
            buf = nbuf;
        }
    };
    //  last chunk         bitpos           bytes
    var final = st.f || 0, pos = st.p || 0, bt = st.b || 0, lm = st.l, dm = st.d, lbt = st.m, dbt = st.n;
    // total bits
    var tbts = sl * 8;
    do {
        if (!lm) {
            // BFINAL - this is only 1 when last chunk is next
            final = bits(dat, pos, 1);
            // type: 0 = no compression, 1 = fixed huffman, 2 = dynamic huffman
            var type = bits(dat, pos + 1, 3);
            pos += 3;
            if (!type) {
                // go to end of byte boundary
                var s = shft(pos) + 4, l = dat[s - 4] | (dat[s - 3] << 8), t = s + l;
                if (t > sl) {
                    if (noSt)
                        err(0);
                    break;
                }
                // ensure size
                if (resize)
                    cbuf(bt + l);
                // Copy over uncompressed data
                buf.set(dat.subarray(s, t), bt);
                // Get new bitpos, update byte count
                st.b = bt += l, st.p = pos = t * 8, st.f = final;
                continue;
            }
            else if (type == 1)
                lm = flrm, dm = fdrm, lbt = 9, dbt = 5;
            else if (type == 2) {
                //  literal                            lengths
                var hLit = bits(dat, pos, 31) + 257, hcLen = bits(dat, pos + 10, 15) + 4;
                var tl = hLit + bits(dat, pos + 5, 31) + 1;
                pos += 14;
                // length+distance tree
                var ldt = new u8(tl);
                // code length tree
                var clt = new u8(19);
                for (var i = 0; i < hcLen; ++i) {
                    // use index map to get real code
                    clt[clim[i]] = bits(dat, pos + i * 3, 7);
                }
                pos += hcLen * 3;
                // code lengths bits
                var clb = max(clt), clbmsk = (1 << clb) - 1;
                // code lengths map
                var clm = hMap(clt, clb, 1);
                for (var i = 0; i < tl;) {
                    var r = clm[bits(dat, pos, clbmsk)];
                    // bits read
                    pos += r & 15;
                    // symbol
                    var s = r >> 4;
                    // code length to copy
                    if (s < 16) {
                        ldt[i++] = s;
                    }
                    else {
                        //  copy   count
                        var c = 0, n = 0;
                        if (s == 16)
                            n = 3 + bits(dat, pos, 3), pos += 2, c = ldt[i - 1];
                        else if (s == 17)
                            n = 3 + bits(dat, pos, 7), pos += 3;
                        else if (s == 18)
                            n = 11 + bits(dat, pos, 127), pos += 7;
                        while (n--)
                            ldt[i++] = c;
                    }
                }
                //    length tree                 distance tree
                var lt = ldt.subarray(0, hLit), dt = ldt.subarray(hLit);
                // max length bits
                lbt = max(lt);
                // max dist bits
                dbt = max(dt);
                lm = hMap(lt, lbt, 1);
                dm = hMap(dt, dbt, 1);
            }
            else
                err(1);
            if (pos > tbts) {
                if (noSt)
                    err(0);
                break;
            }
        }
        // Make sure the buffer can hold this + the largest possible addition
        // Maximum chunk size (practically, theoretically infinite) is 2^17
        if (resize)
            cbuf(bt + 131072);
        var lms = (1 << lbt) - 1, dms = (1 << dbt) - 1;
        var lpos = pos;
        for (;; lpos = pos) {
            // bits read, code
            var c = lm[bits16(dat, pos) & lms], sym = c >> 4;
            pos += c & 15;
            if (pos > tbts) {
                if (noSt)
                    err(0);
                break;
            }
            if (!c)
                err(2);
            if (sym < 256)
                buf[bt++] = sym;
            else if (sym == 256) {
                lpos = pos, lm = null;
                break;
            }
            else {
                var add = sym - 254;
                // no extra bits needed if less
                if (sym > 264) {
                    // index
                    var i = sym - 257, b = fleb[i];
                    add = bits(dat, pos, (1 << b) - 1) + fl[i];
                    pos += b;
                }
                // dist
                var d = dm[bits16(dat, pos) & dms], dsym = d >> 4;
                if (!d)
                    err(3);
                pos += d & 15;
                var dt = fd[dsym];
                if (dsym > 3) {
                    var b = fdeb[dsym];
                    dt += bits16(dat, pos) & (1 << b) - 1, pos += b;
                }
                if (pos > tbts) {
                    if (noSt)
                        err(0);
                    break;
                }
                if (resize)
                    cbuf(bt + 131072);
                var end = bt + add;
                if (bt < dt) {
                    var shift = dl - dt, dend = Math.min(dt, end);
                    if (shift + bt < 0)
                        err(3);
                    for (; bt < dend; ++bt)
                        buf[bt] = dict[shift + bt];
                }
                for (; bt < end; ++bt)
                    buf[bt] = buf[bt - dt];
            }
        }
        st.l = lm, st.p = lpos, st.b = bt, st.f = final;
        if (lm)
            final = 1, st.m = lbt, st.d = dm, st.n = dbt;
    } while (!final);
    // don't reallocate for streams or user buffers
    return bt != buf.length && noBuf ? slc(buf, 0, bt) : buf.subarray(0, bt);
};
// empty
var et = /*#__PURE__*/ new u8(0);
// read 2 bytes
var b2 = function (d, b) { return d[b] | (d[b + 1] << 8); };
// read 4 bytes
var b4 = function (d, b) { return (d[b] | (d[b + 1] << 8) | (d[b + 2] << 16) | (d[b + 3] << 24)) >>> 0; };
// read 8 bytes
var b8 = function (d, b) { return b4(d, b) + (b4(d, b + 4) * 4294967296); };
/**
 * Streaming DEFLATE decompression
 */
var Inflate = /*#__PURE__*/ (function () {
    function Inflate(opts, cb) {
        // no StrmOpt here to avoid adding to workerizer
        if (typeof opts == 'function')
            cb = opts, opts = {};
        this.ondata = cb;
        var dict = opts && opts.dictionary && opts.dictionary.subarray(-32768);
        this.s = { i: 0, b: dict ? dict.length : 0 };
        this.o = new u8(32768);
        this.p = new u8(0);
        if (dict)
            this.o.set(dict);
    }
    Inflate.prototype.e = function (c) {
        if (!this.ondata)
            err(5);
        if (this.d)
            err(4);
        if (!this.p.length)
            this.p = c;
        else if (c.length) {
            var n = new u8(this.p.length + c.length);
            n.set(this.p), n.set(c, this.p.length), this.p = n;
        }
    };
    Inflate.prototype.c = function (final) {
        this.s.i = +(this.d = final || false);
        var bts = this.s.b;
        var dt = inflt(this.p, this.s, this.o);
        this.ondata(slc(dt, bts, this.s.b), this.d);
        this.o = slc(dt, this.s.b - 32768), this.s.b = this.o.length;
        this.p = slc(this.p, (this.s.p / 8) | 0), this.s.p &= 7;
    };
    /**
     * Pushes a chunk to be inflated
     * @param chunk The chunk to push
     * @param final Whether this is the final chunk
     */
    Inflate.prototype.push = function (chunk, final) {
        this.e(chunk), this.c(final);
    };
    return Inflate;
}());
function inflateSync(data, opts) {
    return inflt(data, { i: 2 }, opts && opts.out, opts && opts.dictionary);
}
// text decoder
var td = typeof TextDecoder != 'undefined' && /*#__PURE__*/ new TextDecoder();
// text decoder stream
var tds = 0;
try {
    td.decode(et, { stream: true });
    tds = 1;
}
catch (e) { }
// decode UTF8
var dutf8 = function (d) {
    for (var r = '', i = 0;;) {
        var c = d[i++];
        var eb = (c > 127) + (c > 223) + (c > 239);
        if (i + eb > d.length)
            return { s: r, r: slc(d, i - 1) };
        if (!eb)
            r += String.fromCharCode(c);
        else if (eb == 3) {
            c = ((c & 15) << 18 | (d[i++] & 63) << 12 | (d[i++] & 63) << 6 | (d[i++] & 63)) - 65536,
                r += String.fromCharCode(55296 | (c >> 10), 56320 | (c & 1023));
        }
        else if (eb & 1)
            r += String.fromCharCode((c & 31) << 6 | (d[i++] & 63));
        else
            r += String.fromCharCode((c & 15) << 12 | (d[i++] & 63) << 6 | (d[i++] & 63));
    }
};
/**
 * Converts a Uint8Array to a string
 * @param dat The data to decode to string
 * @param latin1 Whether or not to interpret the data as Latin-1. This should
 *               not need to be true unless encoding to binary string.
 * @returns The original UTF-8/Latin-1 string
 */
function strFromU8(dat, latin1) {
    if (latin1) {
        var r = '';
        for (var i = 0; i < dat.length; i += 16384)
            r += String.fromCharCode.apply(null, dat.subarray(i, i + 16384));
        return r;
    }
    else if (td) {
        return td.decode(dat);
    }
    else {
        var _a = dutf8(dat), s = _a.s, r = _a.r;
        if (r.length)
            err(8);
        return s;
    }
}
// skip local zip header
var slzh = function (d, b) { return b + 30 + b2(d, b + 26) + b2(d, b + 28); };
// read zip header
var zh = function (d, b, z) {
    var fnl = b2(d, b + 28), efl = b2(d, b + 30), fn = strFromU8(d.subarray(b + 46, b + 46 + fnl), !(b2(d, b + 8) & 2048)), es = b + 46 + fnl;
    var _a = z64hs(d, es, efl, z, b4(d, b + 20), b4(d, b + 24), b4(d, b + 42)), sc = _a[0], su = _a[1], off = _a[2];
    return [b2(d, b + 10), sc, su, fn, es + efl + b2(d, b + 32), off];
};
// read zip64 header sizes
var z64hs = function (d, b, l, z, sc, su, off) {
    var nsc = sc == 4294967295, nsu = su == 4294967295, noff = off == 4294967295, e = b + l;
    var nf = nsc + nsu + noff;
    if (z && nf) {
        for (; b + 4 < e; b += 4 + b2(d, b + 2)) {
            if (b2(d, b) == 1) {
                return [
                    nsc ? b8(d, b + 4 + 8 * nsu) : sc,
                    nsu ? b8(d, b + 4) : su,
                    noff ? b8(d, b + 4 + 8 * (nsu + nsc)) : off,
                    1
                ];
            }
        }
        // z == 2 for unknown whether or not zip64
        if (z < 2)
            err(13);
    }
    return [sc, su, off, 0];
};
/**
 * Synchronously decompresses a ZIP archive. Prefer using `unzip` for better
 * performance with more than one file.
 * @param data The raw compressed ZIP file
 * @param opts The ZIP extraction options
 * @returns The decompressed files
 */
function unzipSync(data, opts) {
    var files = {};
    var e = data.length - 22;
    for (; b4(data, e) != 0x6054B50; --e) {
        if (!e || data.length - e > 65558)
            err(13);
    }
    var c = b2(data, e + 8);
    if (!c)
        return {};
    var o = b4(data, e + 16);
    var z = b4(data, e - 20) == 0x7064B50;
    if (z) {
        var ze = b4(data, e - 12);
        z = b4(data, ze) == 0x6064B50;
        if (z) {
            c = b4(data, ze + 32);
            o = b4(data, ze + 48);
        }
    }
    var fltr = opts && opts.filter;
    for (var i = 0; i < c; ++i) {
        var _a = zh(data, o, z), c_2 = _a[0], sc = _a[1], su = _a[2], fn = _a[3], no = _a[4], off = _a[5], b = slzh(data, off);
        o = no;
        if (!fltr || fltr({
            name: fn,
            size: sc,
            originalSize: su,
            compression: c_2
        })) {
            if (!c_2)
                files[fn] = slc(data, b, b + sc);
            else if (c_2 == 8)
                files[fn] = inflateSync(data.subarray(b, b + sc), { out: new u8(su) });
            else
                err(14, 'unknown compression type ' + c_2);
        }
    }
    return files;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** A central directory larger than this is refused: np.savez writes ~100 bytes per array. */
const MAX_DIRECTORY_BYTES = 64 * 2 ** 20;
/** Compressed bytes fed to the inflater at once: deflate expands at most ~1032×, so one step yields ≤ 17 MB. */
const INFLATE_STEP = 16 * 1024;
function readBytes(access, position, length) {
    const bytes = new Uint8Array(length);
    if (access.readAt(position, bytes) !== length)
        throw new RangeError('truncated');
    return bytes;
}
function view(bytes) {
    return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
/** 64-bit little-endian size or offset; above 2^53 no real file can reach it. */
function uint64(v, at, source) {
    const value = v.getBigUint64(at, true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER))
        fail(source, 'not a valid .npz (zip) archive (a zip64 size or offset beyond 2^53)');
    return Number(value);
}
/** Where the central directory is and how many entries it has (zip64 aware). */
function findDirectory(access, source) {
    const tailLength = Math.min(access.size, 22 + 0xffff);
    const tailStart = access.size - tailLength;
    const tail = readBytes(access, tailStart, tailLength);
    const tv = view(tail);
    let at = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
        if (tv.getUint32(i, true) === EOCD) {
            at = i;
            break;
        }
    }
    if (at < 0)
        fail(source, 'not a valid .npz (zip) archive (no end of central directory record; truncated or not a zip file)');
    let count = tv.getUint16(at + 10, true);
    let size = tv.getUint32(at + 12, true);
    let offset = tv.getUint32(at + 16, true);
    if ((count === 0xffff || size === 0xffffffff || offset === 0xffffffff) && at >= 20 && tv.getUint32(at - 20, true) === ZIP64_LOCATOR) {
        const recordAt = uint64(tv, at - 20 + 8, source);
        const record = view(readBytes(access, recordAt, 56));
        if (record.getUint32(0, true) !== ZIP64_EOCD)
            fail(source, 'not a valid .npz (zip) archive (bad zip64 end of central directory)');
        count = uint64(record, 32, source);
        size = uint64(record, 40, source);
        offset = uint64(record, 48, source);
    }
    if (offset + size > access.size)
        fail(source, 'not a valid .npz (zip) archive (the central directory lies past the end of the file; truncated?)');
    if (size > MAX_DIRECTORY_BYTES)
        fail(source, `not a valid .npz (zip) archive (a central directory of ${size} bytes)`);
    return { offset, size, count };
}
/** Applies a zip64 extended-information extra field (id 1) to the sizes and offset that overflowed 32 bits. */
function applyZip64(extra, entry, source) {
    for (let at = 0; at + 4 <= extra.byteLength;) {
        const id = extra.getUint16(at, true);
        const length = extra.getUint16(at + 2, true);
        if (id === 1) {
            let p = at + 4;
            const next = () => {
                if (p + 8 > at + 4 + length)
                    fail(source, `not a valid .npz (zip) archive (member "${entry.name}" has a short zip64 field)`);
                const value = uint64(extra, p, source);
                p += 8;
                return value;
            };
            if (entry.size === 0xffffffff)
                entry.size = next();
            if (entry.compressedSize === 0xffffffff)
                entry.compressedSize = next();
            if (entry.headerOffset === 0xffffffff)
                entry.headerOffset = next();
        }
        at += 4 + length;
    }
}
/** The archive's members in directory order; refuses duplicate names (np.load would silently take one). */
function zipDirectory(access, source) {
    let directory;
    let where;
    try {
        where = findDirectory(access, source);
        directory = readBytes(access, where.offset, where.size);
    }
    catch (error) {
        if (error instanceof RangeError)
            fail(source, 'not a valid .npz (zip) archive (truncated)');
        throw error;
    }
    const v = view(directory);
    const entries = [];
    const seen = new Set();
    const utf8 = new TextDecoder('utf-8');
    let at = 0;
    for (let k = 0; k < where.count; k++) {
        if (at + 46 > directory.length || v.getUint32(at, true) !== CENTRAL) {
            fail(source, `not a valid .npz (zip) archive (central directory entry ${k + 1} of ${where.count} is damaged)`);
        }
        const flags = v.getUint16(at + 8, true);
        const nameLength = v.getUint16(at + 28, true);
        const extraLength = v.getUint16(at + 30, true);
        const commentLength = v.getUint16(at + 32, true);
        if (at + 46 + nameLength + extraLength > directory.length)
            fail(source, 'not a valid .npz (zip) archive (central directory is truncated)');
        const rawName = directory.subarray(at + 46, at + 46 + nameLength);
        // Bit 11: the name is UTF-8; otherwise cp437, which agrees with latin1 on everything numpy writes.
        const name = flags & 0x800 ? utf8.decode(rawName) : String.fromCharCode(...rawName);
        const entry = {
            name,
            method: v.getUint16(at + 10, true),
            crc: v.getUint32(at + 16, true),
            compressedSize: v.getUint32(at + 20, true),
            size: v.getUint32(at + 24, true),
            headerOffset: v.getUint32(at + 42, true),
            encrypted: (flags & 1) === 1
        };
        applyZip64(new DataView(directory.buffer, directory.byteOffset + at + 46 + nameLength, extraLength), entry, source);
        at += 46 + nameLength + extraLength + commentLength;
        if (name.endsWith('/'))
            continue;
        if (seen.has(name))
            fail(source, `the archive holds two members named ${JSON.stringify(name)}; re-create it with np.savez (one array per name)`);
        seen.add(name);
        entries.push(entry);
    }
    return entries;
}
/** The member's uncompressed bytes as a forward stream, checked against its declared size and CRC-32 as they pass. */
function memberSource(access, entry, display) {
    if (entry.encrypted)
        fail(display, 'the member is encrypted; save the arrays with np.savez');
    if (entry.method !== 0 && entry.method !== 8) {
        fail(display, `the member is compressed with zip method ${entry.method}; np.savez (stored) and np.savez_compressed (deflate) are supported`);
    }
    let local;
    try {
        local = view(readBytes(access, entry.headerOffset, 30));
    }
    catch {
        return fail(display, 'not a valid .npz (zip) archive (the member lies past the end of the file)');
    }
    if (local.getUint32(0, true) !== LOCAL)
        fail(display, 'not a valid .npz (zip) archive (bad local header)');
    const start = entry.headerOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
    if (start + entry.compressedSize > access.size)
        fail(display, 'not a valid .npz (zip) archive (the member is truncated)');
    const raw = rangeSource(access, start, entry.compressedSize);
    if (entry.method === 0 && entry.compressedSize !== entry.size)
        fail(display, 'not a valid .npz (zip) archive (a stored member whose sizes disagree)');
    return checkedSource(entry.method === 0 ? raw : inflating(raw, entry.compressedSize, display), entry, display);
}
/** Counts and CRCs the bytes that pass; refuses more than the declared size, and a bad CRC or short member at the end. */
function checkedSource(inner, entry, display) {
    let total = 0;
    let crc = 0;
    let ended = false;
    return {
        size: entry.size,
        read(into) {
            if (ended)
                return 0;
            const got = inner.read(into);
            total += got;
            if (total > entry.size)
                fail(display, `the member inflates past its declared ${entry.size} bytes (a corrupt archive or a zip bomb)`);
            crc = crc32(got === into.length ? into : into.subarray(0, got), crc);
            if (got < into.length) {
                ended = true;
                if (total !== entry.size)
                    fail(display, `the member has ${total} bytes, its directory entry says ${entry.size}; the archive is damaged`);
                if (crc !== entry.crc)
                    fail(display, 'Bad CRC-32: the member is corrupt; re-create the archive');
            }
            return got;
        }
    };
}
/** Raw deflate, inflated a small step at a time so a bomb never gets far past what the reader asked for. */
function inflating(raw, compressedSize, display) {
    const queue = [];
    let head = 0;
    let done = false;
    let fed = 0;
    const inflater = new Inflate((chunk, final) => {
        if (chunk.length)
            queue.push(chunk);
        if (final)
            done = true;
    });
    const step = new Uint8Array(INFLATE_STEP);
    const pump = () => {
        const got = raw.read(step);
        fed += got;
        try {
            inflater.push(step.slice(0, got), fed >= compressedSize || got === 0);
        }
        catch (error) {
            fail(display, `can't decompress the member (${error.message})`);
        }
        if (got === 0)
            done = true;
    };
    return {
        size: undefined,
        read(into) {
            let filled = 0;
            while (filled < into.length) {
                if (queue.length === 0) {
                    if (done)
                        break;
                    pump();
                    continue;
                }
                const chunk = queue[0];
                const take = Math.min(chunk.length - head, into.length - filled);
                into.set(chunk.subarray(head, head + take), filled);
                filled += take;
                head += take;
                if (head === chunk.length) {
                    queue.shift();
                    head = 0;
                }
            }
            return filled;
        }
    };
}

/** The member's .npy bytes as a checked forward stream (size and CRC-32 verified as it ends), and its display name. */
function openNpzMember(access, member, source) {
    const entries = zipDirectory(access, source);
    const names = entries.map((entry) => memberName(entry.name));
    let entry;
    if (!member) {
        if (entries.length !== 1)
            fail(source, `name an array, e.g. ${source}#${names[0] ?? 'x'} (members: ${listText(names)})`);
        entry = entries[0];
    }
    else {
        entry = entries.find((e) => e.name === member || e.name === `${member}.npy`);
        if (!entry)
            fail(source, `no member ${JSON.stringify(member)}${didYouMean(member, names)}; members: ${listText(names)}`);
    }
    const display = `${source}#${member || memberName(entry.name)}`;
    return { stream: memberSource(access, entry, display), display };
}
function memberName(name) {
    return name.endsWith('.npy') ? name.slice(0, -4) : name;
}

/**
 * Splits a reference at its first "#" and expands an alias. An alias may carry its own "#member"
 * ("curves: eval-out/ig.npz#curves") only when the reference adds none.
 */
function parseReference(ref, aliases = {}) {
    if (ref.trim() === '')
        fail('""', 'empty input reference (expected "<alias or path>[#<member>]")');
    const hash = ref.indexOf('#');
    const name = hash < 0 ? ref : ref.slice(0, hash);
    let member = hash < 0 ? undefined : ref.slice(hash + 1);
    let file = name;
    if (Object.hasOwn(aliases, name)) {
        const target = aliases[name];
        const targetHash = target.indexOf('#');
        file = targetHash < 0 ? target : target.slice(0, targetHash);
        if (targetHash >= 0) {
            if (member !== undefined) {
                fail(ref, `alias "${name}" already names a member (${target}); use "${name}" alone or write ${file}#${member}`);
            }
            member = target.slice(targetHash + 1);
        }
    }
    if (file === '')
        fail(ref, 'no file before "#"');
    const display = member ? `${file}#${member}` : file;
    return member === undefined ? { path: file, display } : { path: file, member, display };
}
/**
 * The absolute path of a workspace-relative (or absolute, inside the workspace) path. Refuses `..`
 * escapes and symlinks whose target lies outside: configs come from pull requests, which must not read runner files.
 */
function resolveInWorkspace(workspace, relPath) {
    const root = path.resolve(workspace);
    const absolute = path.resolve(root, relPath);
    if (leaves(root, absolute))
        fail(relPath, `path leaves the workspace (resolves to ${absolute}, the workspace is ${root})`);
    let real;
    try {
        real = realpathSync(absolute);
    }
    catch {
        return absolute; // missing: the reader reports it as not found
    }
    const realRoot = realpathSync(root);
    if (leaves(realRoot, real))
        fail(relPath, `path leaves the workspace (a symlink resolves to ${real})`);
    return absolute;
}
function leaves(root, target) {
    const rel = path.relative(root, target);
    return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
}

/** Largest text file (JSON, JSONL, CSV) read whole: 1 GiB. Arrays in .npy/.npz files have no size limit. */
const DEFAULT_MAX_BYTES = 2 ** 30;
const SUPPORTED_EXTENSIONS = ['.npy', '.npz', '.json', '.jsonl', '.ndjson', '.csv'];
/** Reads input references against one workspace; each file is read from disk (and each reference decoded) once. */
function createInputReader(options) {
    const { workspace, aliases = {}, maxBytes = DEFAULT_MAX_BYTES, memoryBudget = DEFAULT_MEMORY_BUDGET } = options;
    const bytesByPath = new Map();
    const parsedByPath = new Map();
    const load = (ref) => {
        const absolute = resolveInWorkspace(workspace, ref.path);
        let bytes = bytesByPath.get(absolute);
        if (!bytes) {
            bytes = readWhole(ref.path, absolute, maxBytes, options.readFile);
            bytesByPath.set(absolute, bytes);
        }
        return { absolute, bytes };
    };
    // Text formats are parsed once per file, so several columns or pointers share the work.
    const parsed = (ref, parse) => {
        const { absolute, bytes } = load(ref);
        if (!parsedByPath.has(absolute))
            parsedByPath.set(absolute, parse(bytes));
        return parsedByPath.get(absolute);
    };
    // Several metrics usually read the same arrays (attributions, ids): decode each reference once. Arrays are read-only.
    const arrays = new Map();
    const readArray = (text, asText) => {
        const key = `${asText ? 'text' : 'numbers'}:${text}`;
        let array = arrays.get(key);
        if (!array) {
            array = decodeArray(text, asText);
            arrays.set(key, array);
        }
        return array;
    };
    const decodeArray = (text, asText) => {
        const ref = parseReference(text, aliases);
        const file = ref.path;
        const extension = path.extname(file).toLowerCase();
        try {
            switch (extension) {
                case '.npy':
                case '.npz': {
                    const opened = openArray(ref);
                    try {
                        return readNpyArray(opened.stream, opened.display, memoryBudget);
                    }
                    finally {
                        opened.access.close();
                    }
                }
                case '.json':
                    return selectJson(parsed(ref, (b) => parseJsonDocument(b, file)), ref.member, file);
                case '.jsonl':
                case '.ndjson':
                    return selectJsonLines(parsed(ref, (b) => parseJsonLines(b, file)), ref.member, file);
                case '.csv':
                    return selectCsv(parsed(ref, (b) => parseCsv(b, file)), ref.member, file, { text: asText });
                default: {
                    const hint = extension === '' && !file.includes('/') ? didYouMean(file, Object.keys(aliases)) : '';
                    const type = extension || '(no extension)';
                    return fail(file, `unsupported file type "${type}"${hint}; supported: ${SUPPORTED_EXTENSIONS.join(' ')}`);
                }
            }
        }
        catch (error) {
            if (error instanceof InputError)
                error.file = file;
            throw error;
        }
    };
    // Binary arrays are read through a file descriptor, a block at a time, never as a whole-file copy.
    const openAccess = (ref) => {
        if (options.readFile)
            return bytesAccess(load(ref).bytes);
        const absolute = resolveInWorkspace(workspace, ref.path);
        return fileError(ref.path, absolute, () => fileAccess(absolute));
    };
    const openArray = (ref) => {
        const file = ref.path;
        if (path.extname(file).toLowerCase() === '.npy' && ref.member)
            fail(file, `a .npy file holds a single array; drop "#${ref.member}"`);
        const access = openAccess(ref);
        try {
            if (path.extname(file).toLowerCase() === '.npy')
                return { access, stream: rangeSource(access, 0, access.size), display: file };
            return { access, ...openNpzMember(access, ref.member, file) };
        }
        catch (error) {
            access.close();
            throw error;
        }
    };
    const openRows = (text, fromRow = 0) => {
        const ref = parseReference(text, aliases);
        const extension = path.extname(ref.path).toLowerCase();
        if (extension !== '.npy' && extension !== '.npz')
            return undefined;
        const opened = openArray(ref);
        try {
            const header = readNpyHeader(opened.stream, opened.display);
            const seekable = extension === '.npy';
            if (!streamable(header) || (fromRow > 0 && !seekable)) {
                opened.access.close();
                return undefined;
            }
            let stream = opened.stream;
            if (fromRow > 0) {
                const start = header.dataOffset + fromRow * product(header.shape.slice(1)) * header.dtype.itemsize;
                stream = rangeSource(opened.access, start, opened.access.size - start);
            }
            const rows = npyRows(stream, header, opened.display, fromRow);
            return { source: opened.display, header, rows, seekable, close: () => opened.access.close() };
        }
        catch (error) {
            opened.access.close();
            if (error instanceof InputError)
                error.file = ref.path;
            throw error;
        }
    };
    return {
        openRows,
        read: (ref) => readArray(ref, false),
        readIds: (ref) => {
            const array = readArray(ref, true);
            const source = array.source;
            if (array.shape.length !== 1)
                fail(source, `ids must be a 1-d array, got shape ${shapeText(array.shape)}`);
            const ids = array.strings ?? array.exact ?? Array.from(array.data, (value, i) => integerText(value, i, source));
            const first = new Map();
            ids.forEach((id, i) => {
                const earlier = first.get(id);
                if (earlier !== undefined) {
                    fail(source, `duplicate id "${id}" (elements ${earlier} and ${i}); ids must be unique to pair examples`);
                }
                first.set(id, i);
            });
            return ids;
        }
    };
}
function integerText(value, index, source) {
    if (!Number.isInteger(value))
        fail(source, `ids must be integers or strings; element ${index} is ${value}`);
    // String(1e21) would print an exponent.
    return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
}
/** The file's bytes, or a message saying it is missing (with a did-you-mean among its siblings) or too big. */
function readWhole(file, absolute, maxBytes, readFile) {
    return fileError(file, absolute, () => {
        if (!readFile) {
            const size = statSync(absolute).size;
            if (size > maxBytes)
                fail(file, `file is ${size} bytes, over the size limit of ${maxBytes} bytes`);
        }
        return (readFile ?? readFileSync)(absolute);
    });
}
/** Runs a file operation, turning a system error into one message naming the file. */
function fileError(file, absolute, operation) {
    try {
        return operation();
    }
    catch (error) {
        if (error instanceof InputError)
            throw error;
        const code = error.code;
        if (code === 'ENOENT')
            fail(file, `file not found (resolved to ${absolute})${siblingHint(absolute)}`);
        if (code === 'EISDIR')
            fail(file, 'is a directory, not a file');
        if (code === 'ENOTREG')
            fail(file, 'is not a regular file (a FIFO, socket or device?); write the array to a file');
        return fail(file, `can't read the file (${error.message})`);
    }
}
function siblingHint(absolute) {
    try {
        return didYouMean(path.basename(absolute), readdirSync(path.dirname(absolute)));
    }
    catch {
        return `; the folder ${path.dirname(absolute)} does not exist either (did the step that writes it run?)`;
    }
}

/** A metric's own complaint about its inputs or params; the pipeline adds the metric id and file. */
class MetricInputError extends Error {
    name = 'MetricInputError';
}

function specText(shape) {
    return `[${shape.join(', ')}]`;
}
/** Binds each symbolic dimension of `spec` to `shape`, extending `bound`; returns false on a mismatch. */
function bindShape(spec, shape, bound) {
    const trial = new Map(bound);
    const rest = spec.length > 0 && spec[spec.length - 1].endsWith('...');
    if (rest ? shape.length < spec.length : shape.length !== spec.length)
        return false;
    for (let i = 0; i < spec.length; i++) {
        const symbol = spec[i];
        const size = rest && i === spec.length - 1 ? shape.slice(i).reduce((p, d) => p * d, 1) : shape[i];
        const name = symbol.endsWith('...') ? symbol.slice(0, -3) : symbol;
        if (/^\d+$/.test(name)) {
            if (Number(name) !== size)
                return false;
            continue;
        }
        const known = trial.get(name);
        if (known !== undefined && known !== size)
            return false;
        trial.set(name, size);
    }
    for (const [k, v] of trial)
        bound.set(k, v);
    return true;
}
/**
 * Checks every input against its spec, in order, so that shared dimensions (N, F, ...) agree across inputs.
 * Returns the bound dimension sizes. Throws MetricInputError naming the input, the expected and the actual shape.
 */
function checkShapes(specs, inputs) {
    const bound = new Map();
    for (const spec of specs) {
        const array = inputs[spec.name];
        if (!array) {
            if (spec.optional)
                continue;
            throw new MetricInputError(`input "${spec.name}" is required (${spec.description})`);
        }
        if (array.strings) {
            throw new MetricInputError(`input "${spec.name}" (${array.source}) holds text; expected numbers`);
        }
        if (!spec.shapes.some((shape) => bindShape(shape, array.shape, bound))) {
            const expected = spec.shapes.map(specText).join(' or ');
            const known = [...bound].map(([k, v]) => `${k}=${v}`).join(', ');
            throw new MetricInputError(`input "${spec.name}" (${array.source}): expected shape ${expected}${known ? ` with ${known}` : ''}, got ${shapeText(array.shape)}`);
        }
    }
    return bound;
}

/** Index of the largest value; the first one on ties, as numpy.argmax. NaN if the row holds a NaN. */
function argmax(values) {
    let best = 0;
    for (let i = 0; i < values.length; i++) {
        if (Number.isNaN(values[i]))
            return NaN;
        if (values[i] > values[best])
            best = i;
    }
    return best;
}
/** Class ids from [N] ids or [N, C] scores (argmax per row). */
function classIds(a) {
    if (a.shape.length === 1)
        return a.data;
    const out = new Float64Array(rows(a));
    for (let i = 0; i < out.length; i++)
        out[i] = argmax(row(a, i));
    return out;
}
/** Applies f to every row of a 2-d (or flattened n-d) array. */
function perRow(a, f) {
    const n = rows(a);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++)
        out[i] = f(row(a, i), i);
    return out;
}
function absolute(values) {
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++)
        out[i] = Math.abs(values[i]);
    return out;
}
function sum(values) {
    let s = 0;
    for (let i = 0; i < values.length; i++)
        s += values[i];
    return s;
}
/** Mean of the finite values; NaN when there are none. */
function finiteMean(values) {
    let s = 0;
    let n = 0;
    for (let i = 0; i < values.length; i++) {
        if (Number.isFinite(values[i])) {
            s += values[i];
            n++;
        }
    }
    return n === 0 ? NaN : s / n;
}
/** Trapezoid area of y sampled at equal steps over [0, 1] (RISE's auc): (Σy − (y₀ + y_K)/2) / K. */
function unitTrapezoid(y) {
    const k = y.length - 1;
    return (sum(y) - (y[0] + y[k]) / 2) / k;
}
/** True when any value is NaN. */
function hasNaN(values) {
    for (let i = 0; i < values.length; i++)
        if (Number.isNaN(values[i]))
            return true;
    return false;
}
/** True when every value equals the first (an empty or one-element row is constant). */
function isConstant(values) {
    for (let i = 1; i < values.length; i++)
        if (values[i] !== values[0])
            return false;
    return true;
}
/** The `k` param of top-k metrics: a fraction of the features in (0, 1), or a whole count ≥ 1; default 0.1. */
const kParam = number()
    .positive()
    .refine((k) => k < 1 || Number.isInteger(k), { message: 'k must be a fraction in (0, 1) or a whole number ≥ 1' })
    .default(0.1)
    .describe('how many features: a fraction of F in (0, 1), taken as ceil(k·F), or a whole count ≥ 1');
/**
 * How many of `total` items a k param selects: ceil(k·total) for 0 < k < 1, k itself for whole k ≥ 1.
 * k·total is rounded to 12 significant digits before the ceiling so 0.3·10 selects 3, not 4 (float round-off).
 * Throws MetricInputError when the count exceeds `total`.
 */
function resolveK(k, total, what = 'features') {
    const count = k < 1 ? Math.ceil(Number((k * total).toPrecision(12))) : k;
    if (count > total)
        throw new MetricInputError(`k = ${k} selects ${count} ${what} but there are only ${total}`);
    return count;
}
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/**
 * Indices sorted by value, smallest first; ties keep the lower index first (numpy argsort(x, kind='stable')); −0 equals
 * +0; no NaN allowed. Long rows use an LSD radix sort on the IEEE-754 bits, so image-size rows sort in O(F).
 */
function ascendingOrder(values) {
    return stableOrder(values, 1);
}
/** Indices sorted by value, largest first; ties keep the lower index first (numpy argsort(−x, kind='stable')). No NaN. */
function descendingOrder(values) {
    return stableOrder(values, -1);
}
/** Stable argsort of sign·values (sign = 1 ascending, −1 descending). */
function stableOrder(values, sign) {
    const n = values.length;
    let order = new Uint32Array(n);
    for (let i = 0; i < n; i++)
        order[i] = i;
    if (n <= 256) {
        return order.sort((i, j) => {
            const d = sign * values[i] - sign * values[j];
            return d < 0 ? -1 : d > 0 ? 1 : i - j;
        });
    }
    const scaled = new Float64Array(n);
    for (let i = 0; i < n; i++)
        scaled[i] = values[i] === 0 ? 0 : sign * values[i];
    const bits = new Uint32Array(scaled.buffer);
    const [loWord, hiWord] = LITTLE_ENDIAN ? [0, 1] : [1, 0];
    // Sortable keys: negatives flip every bit, positives only the sign bit, so unsigned order is numeric order.
    const keys = new Uint32Array(2 * n);
    for (let i = 0; i < n; i++) {
        const lo = bits[2 * i + loWord];
        const hi = bits[2 * i + hiWord];
        const negative = hi >>> 31 === 1;
        keys[2 * i] = negative ? ~lo >>> 0 : lo;
        keys[2 * i + 1] = negative ? ~hi >>> 0 : (hi | 0x80000000) >>> 0;
    }
    let next = new Uint32Array(n);
    const count = new Uint32Array(256);
    for (let pass = 0; pass < 8; pass++) {
        const word = pass >> 2;
        const shift = (pass & 3) * 8;
        count.fill(0);
        for (let i = 0; i < n; i++)
            count[(keys[2 * i + word] >>> shift) & 255]++;
        if (count.includes(n))
            continue; // one digit for all: this pass would not move anything
        for (let d = 0, total = 0; d < 256; d++) {
            const c = count[d];
            count[d] = total;
            total += c;
        }
        for (let t = 0; t < n; t++) {
            const i = order[t];
            next[count[(keys[2 * i + word] >>> shift) & 255]++] = i;
        }
        [order, next] = [next, order];
    }
    return order;
}
/** Indices of the k largest values, largest first; ties go to the lower index. No NaN allowed. */
function topKIndices(values, k) {
    return descendingOrder(values).subarray(0, k);
}
/** 1-based ranks, ties get the mean of their ranks (scipy.stats.rankdata method='average'). No NaN allowed. */
function averageRanks(values) {
    const order = ascendingOrder(values);
    const ranks = new Float64Array(values.length);
    for (let start = 0; start < order.length;) {
        let end = start + 1;
        while (end < order.length && values[order[end]] === values[order[start]])
            end++;
        for (let t = start; t < end; t++)
            ranks[order[t]] = (start + 1 + end) / 2;
        start = end;
    }
    return ranks;
}
/** 1-based ranks with ties sharing a rank and no gaps (scipy.stats.rankdata method='dense'). No NaN allowed. */
function denseRanks(values) {
    const order = ascendingOrder(values);
    const ranks = new Float64Array(values.length);
    let rank = 0;
    for (let t = 0; t < order.length; t++) {
        if (t === 0 || values[order[t]] !== values[order[t - 1]])
            rank++;
        ranks[order[t]] = rank;
    }
    return ranks;
}
/** Pearson correlation; NaN when either vector holds a NaN or is constant (all values equal, checked exactly). */
function pearson(x, y) {
    if (hasNaN(x) || hasNaN(y) || isConstant(x) || isConstant(y))
        return NaN;
    const n = x.length;
    const mx = sum(x) / n;
    const my = sum(y) / n;
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < n; i++) {
        const dx = x[i] - mx;
        const dy = y[i] - my;
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    // Clipped like scipy.stats.pearsonr: round-off can push |r| just past 1.
    return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}
/** Spearman correlation: Pearson of average ranks (scipy.stats.spearmanr); NaN on a NaN or a constant vector. */
function spearman(x, y) {
    if (hasNaN(x) || hasNaN(y) || isConstant(x) || isConstant(y))
        return NaN;
    return pearson(averageRanks(x), averageRanks(y));
}
/**
 * ROC AUC of `scores` against 0/1 `positives` via Mann–Whitney: (R₁ − n₁(n₁+1)/2) / (n₁·n₀), R₁ the average-rank
 * sum of the positives, so tied scores count ½ (equals sklearn.metrics.roc_auc_score). NaN when a class is absent.
 */
function rocAuc(scores, positives) {
    const ranks = averageRanks(scores);
    let n1 = 0;
    let r1 = 0;
    for (let i = 0; i < ranks.length; i++) {
        if (positives[i] === 1) {
            n1++;
            r1 += ranks[i];
        }
    }
    const n0 = ranks.length - n1;
    if (n1 === 0 || n0 === 0)
        return NaN;
    return (r1 - (n1 * (n1 + 1)) / 2) / (n1 * n0);
}
/** Throws MetricInputError unless every value of `a` is 0 or 1 (or NaN, when `allowNaN`); names the first offender. */
function checkZeroOne(a, name, allowNaN = false) {
    for (let i = 0; i < a.data.length; i++) {
        const v = a.data[i];
        if (v === 0 || v === 1 || (allowNaN && Number.isNaN(v)))
            continue;
        throw new MetricInputError(`input "${name}" (${a.source}) must hold 0/1 (bool) values; element ${i} is ${v}`);
    }
}

const inputs$1 = [
    {
        name: 'attributions',
        shapes: [['N', 'F...']],
        description: 'attributions [N, F] (more dimensions are flattened per example)'
    },
    {
        name: 'reference',
        shapes: [['N', 'F...']],
        description: 'ground-truth attributions [N, F], already oriented per example (e.g. model weights signed for the explained class)'
    }
];
const openxaiPaper = 'Krishna et al. 2022, "OpenXAI: Towards a Transparent Evaluation of Model Explanations" (NeurIPS Datasets & Benchmarks)';
const openxaiFile = 'AI4LIFE-GROUP/OpenXAI openxai/metrics.py';
const orientedNote = 'OpenXAI takes one ground-truth vector and flips its sign by the predicted class; we take a per-example reference, already oriented.';
const nanCase$1 = 'A NaN in either row makes that example NaN (excluded, counted).';
/** Dense ranks of −|values|: 1 for the largest magnitude, ties share a rank (rankdata(−|a|, method='dense')). */
function magnitudeRanks(values) {
    return denseRanks(absolute(values).map((v) => -v));
}
/** The top-k features by |value| (ties to the lower index) with their dense magnitude ranks and signs. */
function topFeatures(values, k) {
    const ranks = magnitudeRanks(values);
    const idx = topKIndices(absolute(values), k);
    return Array.from(idx, (j) => ({ j, rank: ranks[j], sign: Math.sign(values[j]) }));
}
/** Scores each example from its attribution and reference rows; NaN rows score NaN. */
function perPair(attributions, reference, score) {
    return perRow(attributions, (a, i) => {
        const r = row(reference, i);
        return hasNaN(a) || hasNaN(r) ? NaN : score(a, r);
    });
}
/** A top-k agreement: `match` says whether position t of the explanation's list agrees with the reference's list. */
function topKAgreement(spec) {
    return {
        name: spec.name,
        family: 'agreement',
        title: spec.title,
        direction: 'higher',
        inputs: inputs$1,
        params: object({ k: kParam }).strict(),
        compute({ attributions, reference }, { k }) {
            const count = resolveK(k, rowSize(attributions));
            return {
                scores: perPair(attributions, reference, (a, r) => {
                    const ta = topFeatures(a, count);
                    const tr = topFeatures(r, count);
                    // Indexed by feature so set membership stays O(k) for image-size k.
                    const byFeature = new Map(tr.map((f) => [f.j, f]));
                    let agree = 0;
                    for (let t = 0; t < count; t++)
                        if (spec.match(t, ta, tr, byFeature))
                            agree++;
                    return agree / count;
                })
            };
        },
        doc: {
            summary: spec.summary,
            formula: `${spec.formula}; top-k by |·|, rank = dense rank of −|·| (1 = largest); then the mean over examples`,
            range: '[0, 1]',
            edgeCases: [
                'k in (0, 1) selects ceil(k·F) features (k·F rounded to 12 digits first, so 0.3·10 is 3; OpenXAI’s np.ceil gives 4); a whole k ≥ 1 selects k; default 0.1; more than F is an input error.',
                'Ties in |·| at the cut go to the lower feature index (numpy argsort(−|a|, kind="stable")); tied features share a dense rank.',
                'sign(0) = 0, so a zero attribution agrees in sign only with a zero reference.',
                nanCase$1
            ],
            reference: `${openxaiPaper}; ${openxaiFile} eval_ground_truth_faithfulness(metric="${spec.openxai}").`,
            differences: `OpenXAI orders top-k ties with numpy’s default (unstable) argsort; we use the stable lower-index rule. ${orientedNote}`
        }
    };
}
const featureAgreement = topKAgreement({
    name: 'feature-agreement',
    title: 'Feature agreement (FA)',
    summary: 'Share of the k most important features (by magnitude) that the explanation and the reference have in common.',
    formula: 'FAᵢ = |top-k(aᵢ) ∩ top-k(refᵢ)| / k',
    openxai: 'overlap',
    match: (t, a, _r, byFeature) => byFeature.has(a[t].j)
});
const rankAgreement = topKAgreement({
    name: 'rank-agreement',
    title: 'Rank agreement (RA)',
    summary: 'Share of the top-k positions where the explanation and the reference put the same feature at the same rank.',
    formula: 'RAᵢ = (1/k)·Σₜ 1[feature and rank at position t agree]',
    openxai: 'rank',
    match: (t, a, r) => a[t].j === r[t].j && a[t].rank === r[t].rank
});
const signAgreement = topKAgreement({
    name: 'sign-agreement',
    title: 'Sign agreement (SA)',
    summary: 'Share of the k most important features common to both top-k sets and carrying the same sign.',
    formula: 'SAᵢ = |{(j, sign aᵢⱼ) : j ∈ top-k(aᵢ)} ∩ {(j, sign refᵢⱼ) : j ∈ top-k(refᵢ)}| / k',
    openxai: 'sign',
    match: (t, a, _r, byFeature) => byFeature.get(a[t].j)?.sign === a[t].sign
});
const signedRankAgreement = topKAgreement({
    name: 'signed-rank-agreement',
    title: 'Signed rank agreement (SRA)',
    summary: 'Share of the top-k positions where feature, rank and sign all agree between the explanation and the reference.',
    formula: 'SRAᵢ = (1/k)·Σₜ 1[feature, rank and sign at position t agree]',
    openxai: 'ranksign',
    match: (t, a, r) => a[t].j === r[t].j && a[t].rank === r[t].rank && a[t].sign === r[t].sign
});
function requireTwoFeatures(attributions) {
    const f = rowSize(attributions);
    if (f < 2)
        throw new MetricInputError(`input "attributions" needs at least 2 features per example, got ${f}`);
}
const pairwiseRankAgreement = {
    name: 'pairwise-rank-agreement',
    family: 'agreement',
    title: 'Pairwise rank agreement (PRA)',
    direction: 'higher',
    inputs: inputs$1,
    params: object({}).strict(),
    compute({ attributions, reference }) {
        requireTwoFeatures(attributions);
        return {
            scores: perPair(attributions, reference, (a, r) => {
                const ra = magnitudeRanks(a);
                const rr = magnitudeRanks(r);
                let same = 0;
                for (let i = 0; i < ra.length; i++) {
                    for (let j = i + 1; j < ra.length; j++)
                        if (ra[i] < ra[j] === rr[i] < rr[j])
                            same++;
                }
                return same / ((ra.length * (ra.length - 1)) / 2);
            })
        };
    },
    doc: {
        summary: 'Share of feature pairs whose relative importance (by magnitude) is the same in the explanation and the reference.',
        formula: 'PRAᵢ = Σ_{j<l} 1[(ρ(a)ⱼ < ρ(a)ₗ) = (ρ(ref)ⱼ < ρ(ref)ₗ)] / C(F, 2), ρ = dense rank of −|·|; then the mean',
        range: '[0, 1]',
        edgeCases: [
            'Each pair j < l is compared as "ρⱼ < ρₗ" (OpenXAI), so a tie on one side agrees with a tie or with l ranked ahead of j on the other.',
            'F < 2 has no pairs: an input error.',
            'Cost is O(F²) per example; meant for tabular-size F.',
            nanCase$1
        ],
        reference: `${openxaiPaper}; ${openxaiFile} pairwise_comp().`,
        differences: orientedNote
    }
};
const rankCorrelation = {
    name: 'rank-correlation',
    family: 'agreement',
    title: 'Rank correlation (RC)',
    direction: 'higher',
    inputs: inputs$1,
    params: object({}).strict(),
    compute({ attributions, reference }) {
        requireTwoFeatures(attributions);
        return { scores: perPair(attributions, reference, (a, r) => pearson(magnitudeRanks(a), magnitudeRanks(r))) };
    },
    doc: {
        summary: 'Correlation between the feature importance rankings (by magnitude) of the explanation and the reference.',
        formula: 'RCᵢ = Pearson_r(ρ(aᵢ), ρ(refᵢ)), ρ = dense rank of −|·| (1 = largest); then the mean over examples',
        range: '[−1, 1]',
        edgeCases: [
            'Pearson of dense ranks, as OpenXAI: with ties this differs from Spearman (which uses average ranks).',
            'A row whose magnitudes are all equal has constant ranks: NaN (excluded, counted).',
            'F < 2 is an input error.',
            nanCase$1
        ],
        reference: `${openxaiPaper}; ${openxaiFile} rankcorr() (scipy.stats.pearsonr of rankdata(−|a|, method="dense")).`,
        differences: orientedNote
    }
};
const definitions$8 = [
    featureAgreement,
    rankAgreement,
    signAgreement,
    signedRankAgreement,
    pairwiseRankAgreement,
    rankCorrelation
];

/** Numeric helpers of the robustness, circuits and SAE families: norms, AUC with cached order, row subsets (ranks and correlations live in math.ts). */
/** ‖a‖₂; NaN when a holds a NaN. */
function l2Norm(a) {
    let s = 0;
    for (let i = 0; i < a.length; i++)
        s += a[i] * a[i];
    return Math.sqrt(s);
}
/** ‖a − b‖₂ over equally long vectors; NaN when either holds a NaN. */
function l2Distance(a, b) {
    let s = 0;
    for (let i = 0; i < a.length; i++) {
        const d = a[i] - b[i];
        s += d * d;
    }
    return Math.sqrt(s);
}
/** All row indices 0..n−1 when `indices` is omitted. */
function rowIndices(n, indices) {
    return indices ?? Array.from({ length: n }, (_, i) => i);
}
/**
 * Means of several columns over the rows `indices` where every column is finite (a row with a NaN is dropped from
 * all means alike, so ratios of means stay paired). Returns the means and the number of rows used.
 */
function pairedMeans(columns, indices) {
    const rowsAt = rowIndices(columns[0].length, indices);
    const sums = new Float64Array(columns.length);
    let n = 0;
    rows: for (let k = 0; k < rowsAt.length; k++) {
        const i = rowsAt[k];
        for (let c = 0; c < columns.length; c++)
            if (!Number.isFinite(columns[c][i]))
                continue rows;
        for (let c = 0; c < columns.length; c++)
            sums[c] += columns[c][i];
        n++;
    }
    return { means: Array.from(sums, (s) => (n === 0 ? NaN : s / n)), n };
}
/** Scored rows sorted ascending, cut into groups of tied values; cached because every bootstrap resample reuses it. */
const tieGroupCache = new WeakMap();
function tieGroups(scores, scored) {
    const byRule = tieGroupCache.get(scores) ?? new Map();
    tieGroupCache.set(scores, byRule);
    const cached = byRule.get(scored);
    if (cached)
        return cached;
    const finite = [];
    for (let i = 0; i < scores.length; i++)
        if (scored(scores[i]))
            finite.push(i);
    finite.sort((i, j) => scores[i] - scores[j] || i - j);
    const starts = [];
    for (let k = 0; k < finite.length; k++)
        if (k === 0 || scores[finite[k]] !== scores[finite[k - 1]])
            starts.push(k);
    starts.push(finite.length);
    const groups = { order: Int32Array.from(finite), starts: Int32Array.from(starts) };
    byRule.set(scored, groups);
    return groups;
}
/** Rows whose score is not NaN (±∞ still order): the auroc metric's rule. */
const notNaN = (v) => !Number.isNaN(v);
/**
 * ROC AUC as the Mann–Whitney U statistic over the rows `indices` (a multiset) with a scored value (finite by default)
 * and a 0/1 label: U / (n₁·n₀), a tied positive–negative pair counting ½. One pass over the tie groups sorted once,
 * so a bootstrap resample costs O(rows). NaN when the rows hold only one class.
 */
function mannWhitneyAuc(scores, positive, indices, scored = Number.isFinite) {
    const { order, starts } = tieGroups(scores, scored);
    let weight;
    if (indices) {
        weight = new Float64Array(scores.length);
        for (let k = 0; k < indices.length; k++)
            weight[indices[k]]++;
    }
    let u = 0;
    let negativesBelow = 0;
    let n1 = 0;
    let n0 = 0;
    for (let g = 0; g + 1 < starts.length; g++) {
        let pos = 0;
        let neg = 0;
        for (let k = starts[g]; k < starts[g + 1]; k++) {
            const i = order[k];
            const w = weight ? weight[i] : 1;
            if (positive[i] === 1)
                pos += w;
            else if (positive[i] === 0)
                neg += w;
        }
        u += pos * (negativesBelow + neg / 2);
        negativesBelow += neg;
        n1 += pos;
        n0 += neg;
    }
    return n1 === 0 || n0 === 0 ? NaN : u / (n1 * n0);
}
/** Trapezoid rule Σ (xₖ₊₁ − xₖ)·(yₖ + yₖ₊₁)/2 over the points as given. */
function trapezoid(x, y) {
    let area = 0;
    for (let k = 0; k + 1 < x.length; k++)
        area += ((x[k + 1] - x[k]) * (y[k] + y[k + 1])) / 2;
    return area;
}

/** Checks that `ids` holds integer class ids in [0, c) (NaN allowed: that example becomes NaN). */
function checkIds(ids, name, c) {
    for (let i = 0; i < ids.data.length; i++) {
        const v = ids.data[i];
        if (Number.isNaN(v))
            continue;
        if (!Number.isInteger(v) || v < 0 || v >= c) {
            throw new MetricInputError(`input "${name}" (${ids.source}) at [${i}] is ${v}; expected a class id in 0..${c - 1}`);
        }
    }
}
const logitDiff = {
    name: 'logit-diff',
    family: 'circuits',
    title: 'Logit difference',
    direction: 'higher',
    inputs: [
        { name: 'logits', shapes: [['N', 'C']], description: 'model (or circuit) logits at the answer position [N, C]' },
        { name: 'correct', shapes: [['N']], description: 'id of the correct answer per example (e.g. the indirect object) [N]' },
        { name: 'incorrect', shapes: [['N']], description: 'id of the competing answer per example (e.g. the subject) [N]' }
    ],
    params: object({}).strict(),
    compute({ logits, correct, incorrect }) {
        const c = logits.shape[1];
        checkIds(correct, 'correct', c);
        checkIds(incorrect, 'incorrect', c);
        const scores = new Float64Array(rows(logits));
        for (let i = 0; i < scores.length; i++) {
            const l = row(logits, i);
            scores[i] = Number.isNaN(correct.data[i]) || Number.isNaN(incorrect.data[i]) ? NaN : l[correct.data[i]] - l[incorrect.data[i]];
        }
        return { scores };
    },
    doc: {
        summary: 'How much the model prefers the correct answer over the competing one, in logits.',
        formula: 'LDᵢ = logitsᵢ[correctᵢ] − logitsᵢ[incorrectᵢ], then the mean over examples',
        range: '(−∞, ∞)',
        edgeCases: [
            'A NaN id or logit makes that example NaN (excluded, counted).',
            'An id that is not an integer in 0..C−1 is an input error.',
            'correct = incorrect gives 0.'
        ],
        reference: 'Wang et al. 2022, "Interpretability in the Wild: a Circuit for Indirect Object Identification in GPT-2 small" (ICLR 2023), §3; ' +
            'TransformerLens demos (logits_to_ave_logit_diff).'
    }
};
/** Throws for the full data when a ratio of means has a zero denominator; a bootstrap resample gets NaN instead. */
function checkDenominator(value, n, what) {
    if (n === 0)
        throw new MetricInputError('no example has finite values in every input');
    if (Number.isNaN(value))
        throw new MetricInputError(`${what}: the normalisation is undefined (zero denominator)`);
    return value;
}
function normalizedFaithfulnessOf(columns, indices) {
    const { means, n } = pairedMeans([columns.m_circuit, columns.m_full, columns.m_empty], indices);
    const [circuit, full, empty] = means;
    return { value: full === empty ? NaN : (circuit - empty) / (full - empty), n };
}
const normalizedFaithfulness = {
    name: 'normalized-faithfulness',
    aliases: ['circuit-faithfulness'],
    family: 'circuits',
    title: 'Normalised circuit faithfulness',
    direction: 'higher',
    inputs: [
        { name: 'm_circuit', shapes: [['N']], description: 'task metric (e.g. logit difference) with only the circuit active [N]' },
        { name: 'm_full', shapes: [['N']], description: 'task metric of the full model [N]' },
        { name: 'm_empty', shapes: [['N']], description: 'task metric with everything ablated (the empty circuit) [N]' }
    ],
    params: object({}).strict(),
    compute({ m_circuit, m_full, m_empty }) {
        const columns = { m_circuit: Float64Array.from(m_circuit.data), m_full: Float64Array.from(m_full.data), m_empty: Float64Array.from(m_empty.data) };
        const { value, n } = normalizedFaithfulnessOf(columns);
        return { columns, value: checkDenominator(value, n, 'mean m_full equals mean m_empty') };
    },
    aggregate(columns, _params, indices) {
        return normalizedFaithfulnessOf(columns, indices).value;
    },
    doc: {
        summary: 'Share of the full model’s task performance (above the empty circuit) that the circuit alone recovers.',
        formula: 'F = (m̄_C − m̄_∅) / (m̄_M − m̄_∅), with each mean over examples taken first',
        range: '(−∞, ∞); 1 = the circuit matches the full model, 0 = no better than the empty circuit',
        edgeCases: [
            'mean m_full = mean m_empty is an input error on the data (status error); on a bootstrap resample it is NaN.',
            'An example with a NaN in any of the three inputs is dropped from all three means.',
            'Means are taken before the ratio, so the confidence interval comes from resampling examples, not from per-example ratios.'
        ],
        reference: 'Wang et al. 2022 (IOI, ICLR 2023) §4 faithfulness; Marks et al. 2024, "Sparse Feature Circuits" (ICLR 2025) §3; ' +
            'MIB (Mueller et al. 2025) MIB_circuit_track/evaluation.py evaluate_area_under_curve: (ablated − corrupted) / (baseline − corrupted).'
    }
};
/** Fractions and faithfulness sorted by fraction; validates the circuit-size grid. */
function sizeCurve(fractions, faithfulness) {
    const order = Array.from(fractions.data.keys()).sort((i, j) => fractions.data[i] - fractions.data[j]);
    const x = order.map((i) => fractions.data[i]);
    const y = order.map((i) => faithfulness.data[i]);
    if (x.length < 2)
        throw new MetricInputError(`input "fractions" (${fractions.source}) needs at least 2 circuit sizes, got ${x.length}`);
    for (let k = 0; k < x.length; k++) {
        if (!(x[k] >= 0 && x[k] <= 1))
            throw new MetricInputError(`input "fractions" (${fractions.source}) holds ${x[k]}; expected fractions in [0, 1]`);
        if (k > 0 && x[k] === x[k - 1])
            throw new MetricInputError(`input "fractions" (${fractions.source}) holds ${x[k]} twice; sizes must be distinct`);
        if (!Number.isFinite(y[k]))
            throw new MetricInputError(`input "faithfulness" (${faithfulness.source}) is ${y[k]} at fraction ${x[k]}`);
    }
    return { x, y };
}
const sizeInputs = [
    { name: 'fractions', shapes: [['K']], description: 'circuit sizes as fractions of all edges (or nodes) in [0, 1], e.g. MIB’s 0.001 … 1 [K]' },
    { name: 'faithfulness', shapes: [['K']], description: 'normalised faithfulness of the circuit of each size [K]' }
];
const sizeReference = 'Mueller et al. 2025, "MIB: A Mechanistic Interpretability Benchmark" (ICML); MIB-circuit-track ' +
    'MIB_circuit_track/evaluation.py evaluate_area_under_curve (log_scale = False: area_under is CPR, area_from_1 is CMD), ' +
    'grid (.001, .002, .005, .01, .02, .05, .1, .2, .5, 1).';
const sizeDifferences = 'MIB evaluates the faithfulness itself at its fixed grid; we take any grid you saved and integrate over it as given (no point ' +
    'is added at 0, so on MIB’s grid f ≡ 1 gives CPR = 0.999). MIB’s optional log-scale x axis is not offered.';
const sizeEdgeCases = [
    'Points are sorted by fraction first; a repeated fraction, a fraction outside [0, 1], fewer than 2 points or a non-finite faithfulness is an input error.',
    'The area spans [min fraction, max fraction] only: no point is added at 0 or 1.',
    'A single curve has no examples to resample: value only, no confidence interval and no paired test.'
];
const cpr = {
    name: 'cpr',
    family: 'circuits',
    title: 'Circuit performance ratio (MIB CPR)',
    direction: 'higher',
    inputs: sizeInputs,
    params: object({}).strict(),
    compute({ fractions, faithfulness }) {
        const { x, y } = sizeCurve(fractions, faithfulness);
        return { value: trapezoid(x, y) };
    },
    doc: {
        summary: 'Area under the faithfulness-vs-circuit-size curve: how much performance small circuits already recover.',
        formula: 'CPR = Σₖ (sₖ₊₁ − sₖ)·(fₖ + fₖ₊₁)/2 over the sizes s sorted ascending (trapezoid rule)',
        range: '(−∞, ∞); (max s − min s) when f ≡ 1, e.g. 0.999 on MIB’s grid',
        edgeCases: sizeEdgeCases,
        reference: sizeReference,
        differences: sizeDifferences
    }
};
const cmd = {
    name: 'cmd',
    family: 'circuits',
    title: 'Circuit–model distance (MIB CMD)',
    direction: 'lower',
    inputs: sizeInputs,
    params: object({}).strict(),
    compute({ fractions, faithfulness }) {
        const { x, y } = sizeCurve(fractions, faithfulness);
        return { value: trapezoid(x, y.map((f) => Math.abs(1 - f))) };
    },
    doc: {
        summary: 'Area between the faithfulness-vs-circuit-size curve and 1: how far circuits of each size are from behaving like the model.',
        formula: 'CMD = Σₖ (sₖ₊₁ − sₖ)·(|1 − fₖ| + |1 − fₖ₊₁|)/2 over the sizes s sorted ascending',
        range: '[0, ∞); 0 when f ≡ 1',
        edgeCases: sizeEdgeCases,
        reference: sizeReference,
        differences: sizeDifferences
    }
};
const edgeAuroc = {
    name: 'edge-auroc',
    family: 'circuits',
    title: 'Edge-recovery AUROC',
    direction: 'higher',
    inputs: [
        { name: 'edge_scores', shapes: [['E']], description: 'importance score per edge from the circuit-discovery method [E]' },
        { name: 'circuit', shapes: [['E']], description: 'ground-truth circuit membership per edge, bool or 0/1 [E]' }
    ],
    params: object({ abs: boolean().default(false).describe('rank edges by |score| (as MIB’s apply_topn(absolute=True)) rather than by signed score') })
        .strict(),
    compute({ edge_scores, circuit }, { abs }) {
        for (let i = 0; i < circuit.data.length; i++) {
            const v = circuit.data[i];
            if (v !== 0 && v !== 1)
                throw new MetricInputError(`input "circuit" (${circuit.source}) at [${i}] is ${v}; expected bool or 0/1`);
        }
        const columns = { edge_scores: abs ? edge_scores.data.map(Math.abs) : Float64Array.from(edge_scores.data), circuit: Float64Array.from(circuit.data) };
        const value = mannWhitneyAuc(columns.edge_scores, columns.circuit);
        if (Number.isNaN(value))
            throw new MetricInputError('edge-auroc needs both circuit and non-circuit edges with finite scores');
        return { columns, value };
    },
    aggregate(columns, _params, indices) {
        return mannWhitneyAuc(columns.edge_scores, columns.circuit, indices);
    },
    doc: {
        summary: 'Probability that a random circuit edge scores higher than a random non-circuit edge: how well edge scores recover a known circuit.',
        formula: 'AUC = (R₁ − n₁(n₁+1)/2) / (n₁·n₀), R₁ = sum of the average ranks of the n₁ circuit edges among all scored edges',
        range: '[0, 1]; 0.5 = chance',
        edgeCases: [
            'Tied scores count ½ (average ranks).',
            'Edges with a non-finite score are left out; all-circuit or no-circuit edges is an input error (NaN on a bootstrap resample).',
            'circuit values other than 0/1 are an input error.',
            'The confidence interval resamples edges.'
        ],
        reference: 'Mann & Whitney 1947; sklearn.metrics.roc_auc_score (sklearn/metrics/_ranking.py); used for circuit recovery by Conmy et al. 2023 ' +
            '("Towards Automated Circuit Discovery", ACDC) and the MIB InterpBench track (Mueller et al. 2025).',
        differences: 'ACDC and MIB trace a ROC curve over a grid of thresholds; we use the exact rank statistic (all thresholds).'
    }
};
const definitions$7 = [logitDiff, normalizedFaithfulness, cpr, cmd, edgeAuroc];

const noParams = object({}).strict();
function curvesSpec(what) {
    return {
        name: 'curves',
        shapes: [['N', 'K+1']],
        description: `model output (e.g. target-class probability) after ${what} k/K of the features, k = 0..K`
    };
}
function requireTwoPoints(a, name, what) {
    if (a.shape[1] < 2)
        throw new MetricInputError(`input "${name}" needs at least 2 ${what} per example, got ${a.shape[1]}`);
}
function curveAuc(name) {
    const deletion = name === 'deletion-auc';
    return {
        name,
        family: 'faithfulness',
        title: deletion ? 'Deletion AUC' : 'Insertion AUC',
        direction: deletion ? 'lower' : 'higher',
        inputs: [curvesSpec(deletion ? 'removing, most relevant first,' : 'adding, most relevant first,')],
        rowwise: true,
        params: noParams,
        compute({ curves }) {
            requireTwoPoints(curves, 'curves', 'points (K ≥ 1)');
            return { scores: perRow(curves, unitTrapezoid) };
        },
        doc: {
            summary: deletion
                ? 'How fast the model output falls as the most relevant features are deleted first; a faithful explanation makes it fall fast.'
                : 'How fast the model output rises as the most relevant features are inserted first into a blank input.',
            formula: 'AUC = (1/K)·(Σₖ₌₀..K yₖ − (y₀ + y_K)/2): the trapezoid rule on k/K ∈ [0, 1], per example, then the mean',
            range: 'the range of the curve values ([0, 1] for probabilities)',
            edgeCases: [
                'A curve with a NaN point is NaN for that example (excluded, counted).',
                'Curves need K ≥ 1 (two points); one point is an input error.'
            ],
            reference: 'Petsiuk et al. 2018, "RISE: Randomized Input Sampling for Explanation of Black-box Models" (BMVC); ' +
                'eclique/RISE evaluation.py auc(): (arr.sum() − arr[0]/2 − arr[-1]/2) / (len(arr) − 1).'
        }
    };
}
const deletionAuc = curveAuc('deletion-auc');
const insertionAuc = curveAuc('insertion-auc');
/** AOPC of one curve: (1/(K+1))·Σₖ (y₀ − yₖ). */
function aopcOf(y) {
    let drop = 0;
    for (let k = 0; k < y.length; k++)
        drop += y[0] - y[k];
    return drop / y.length;
}
const aopcDoc = {
    formula: 'AOPC = (1/(K+1))·Σₖ₌₀..K (y₀ − yₖ) per example, then the mean over examples',
    range: 'the range of y₀ − yₖ ([−1, 1] for probabilities)',
    reference: 'Samek et al. 2017, "Evaluating the Visualization of What a Deep Neural Network Has Learned" (IEEE TNNLS), eq. 12; ' +
        'Quantus quantus/metrics/faithfulness/region_perturbation.py produces such curves.'
};
// One definition per order: the better direction flips with the order and a definition's direction is static.
const aopc = {
    name: 'aopc',
    family: 'faithfulness',
    title: 'AOPC (most relevant first)',
    direction: 'higher',
    inputs: [curvesSpec('removing, most relevant first (MoRF),')],
    rowwise: true,
    params: object({
        order: _enum(['morf', 'lerf']).default('morf').describe('removal order of the curves; LeRF curves go to metric aopc-lerf')
    })
        .strict()
        .refine((p) => p.order === 'morf', {
        message: 'order "lerf" reverses the direction (lower is better): use metric "aopc-lerf" instead',
        path: ['order']
    }),
    compute({ curves }) {
        requireTwoPoints(curves, 'curves', 'points (K ≥ 1)');
        return { scores: perRow(curves, aopcOf) };
    },
    doc: {
        summary: 'Average drop of the model output as the most relevant features are removed first; a faithful explanation makes it large.',
        ...aopcDoc,
        edgeCases: [
            'Only order "morf" is accepted; LeRF curves go to metric aopc-lerf, whose direction is lower.',
            'A curve with a NaN point is NaN for that example (excluded, counted).',
            'Curves need K ≥ 1 (two points); one point is an input error.'
        ]
    }
};
const aopcLerf = {
    name: 'aopc-lerf',
    family: 'faithfulness',
    title: 'AOPC (least relevant first)',
    direction: 'lower',
    inputs: [curvesSpec('removing, least relevant first (LeRF),')],
    rowwise: true,
    params: noParams,
    compute({ curves }) {
        requireTwoPoints(curves, 'curves', 'points (K ≥ 1)');
        return { scores: perRow(curves, aopcOf) };
    },
    doc: {
        summary: 'Average drop of the model output as the least relevant features are removed first; a faithful explanation keeps it small.',
        ...aopcDoc,
        edgeCases: ['A curve with a NaN point is NaN for that example (excluded, counted).', 'Curves need K ≥ 1 (two points); one point is an input error.']
    }
};
const probsFullSpec = {
    name: 'probs_full',
    shapes: [['N', 'C'], ['N']],
    description: 'class probabilities on the full input [N, C] (ŷ = argmax), or the predicted-class probability [N]'
};
/** Requires `other` to have `extra` more dimensions than probs_full, so both are [N]-style or both [N, C]-style. */
function requireMatchingKind(full, other, name, extra) {
    if (other.shape.length !== full.shape.length + extra) {
        throw new MetricInputError(`input "${name}" (${other.source}) has shape ${shapeText(other.shape)} but "probs_full" has ${shapeText(full.shape)}: ` +
            'give both as class probabilities ([N, C] style) or both as predicted-class probabilities ([N] style)');
    }
}
/** Per example p_full[ŷ] − p_x[ŷ] averaged over the B rows of `other` (B = 1 for single-perturbation metrics). */
function predictedClassDrops(full, other, bins) {
    const classes = full.shape.length === 2 ? full.shape[1] : 1;
    return perRow(full, (p, i) => {
        const label = full.shape.length === 2 ? argmax(p) : 0;
        if (Number.isNaN(label))
            return NaN;
        const x = row(other, i);
        let drop = 0;
        for (let b = 0; b < bins; b++)
            drop += p[label] - x[b * classes + label];
        return drop / bins;
    });
}
function eraserEdgeCases(otherName) {
    return [
        'ŷ is the argmax of probs_full (ties to the lowest class, as numpy.argmax); with [N] inputs the given probabilities are used.',
        `probs_full and ${otherName} must both be [N, …, C]-style or both [N, …]-style; mixing is an input error.`,
        'A NaN in a value used (or anywhere in the probs_full row, for the argmax) makes that example NaN (excluded, counted).'
    ];
}
const eraserReference = 'DeYoung et al. 2020, "ERASER: A Benchmark to Evaluate Rationalized NLP Models" (ACL) §4; jayded/eraserbenchmark ' +
    'rationale_benchmark/metrics.py';
function erasMetric(name) {
    const comp = name === 'comprehensiveness';
    const other = comp ? 'probs_removed' : 'probs_kept';
    return {
        name,
        family: 'faithfulness',
        title: comp ? 'Comprehensiveness (ERASER)' : 'Sufficiency (ERASER)',
        direction: comp ? 'higher' : 'lower',
        inputs: [
            probsFullSpec,
            {
                name: other,
                shapes: [['N', 'C'], ['N']],
                description: `class probabilities [N, C] (or predicted-class probability [N]) with ${comp ? 'the rationale removed' : 'only the rationale kept'}`
            }
        ],
        params: noParams,
        compute(inputs) {
            requireMatchingKind(inputs.probs_full, inputs[other], other, 0);
            return { scores: predictedClassDrops(inputs.probs_full, inputs[other], 1) };
        },
        doc: {
            summary: comp
                ? 'Drop in the predicted-class probability when the rationale is removed; a faithful rationale makes it large.'
                : 'Drop in the predicted-class probability when only the rationale is kept; a sufficient rationale keeps it small.',
            formula: `${comp ? 'comp' : 'suff'}ᵢ = p_full,ᵢ[ŷᵢ] − p_${comp ? 'removed' : 'kept'},ᵢ[ŷᵢ], ŷᵢ = argmax p_full,ᵢ; then the mean over examples`,
            range: '[−1, 1] for probabilities',
            edgeCases: eraserEdgeCases(other),
            reference: `${eraserReference} score_classifications() (${name}_scores).`
        }
    };
}
const comprehensiveness = erasMetric('comprehensiveness');
const sufficiency = erasMetric('sufficiency');
function aopcErasMetric(name) {
    const comp = name === 'aopc-comprehensiveness';
    const other = comp ? 'bins_removed' : 'bins_kept';
    return {
        name,
        family: 'faithfulness',
        title: comp ? 'AOPC comprehensiveness (ERASER)' : 'AOPC sufficiency (ERASER)',
        direction: comp ? 'higher' : 'lower',
        inputs: [
            probsFullSpec,
            {
                name: other,
                shapes: [['N', 'B', 'C'], ['N', 'B']],
                description: `class probabilities [N, B, C] (or predicted-class probability [N, B]) with the top b-th bin of tokens (e.g. 1, 5, 10, 20, 50 %) ${comp ? 'removed' : 'kept'}`
            }
        ],
        params: noParams,
        compute(inputs) {
            const bins = inputs[other];
            requireMatchingKind(inputs.probs_full, bins, other, 1);
            if (bins.shape[1] < 1)
                throw new MetricInputError(`input "${other}" needs at least one bin (B ≥ 1)`);
            return { scores: predictedClassDrops(inputs.probs_full, bins, bins.shape[1]) };
        },
        doc: {
            summary: comp
                ? 'Comprehensiveness averaged over rationale sizes (bins of top tokens removed); higher is more faithful.'
                : 'Sufficiency averaged over rationale sizes (bins of top tokens kept); lower is more faithful.',
            formula: `AOPCᵢ = (1/B)·Σ_b (p_full,ᵢ[ŷᵢ] − p_b,ᵢ[ŷᵢ]), ŷᵢ = argmax p_full,ᵢ; then the mean over examples`,
            range: '[−1, 1] for probabilities',
            edgeCases: [...eraserEdgeCases(other), 'There is no k = 0 term: the mean runs over the B given bins only.'],
            reference: `${eraserReference} _instances_aopc() (np.average over the thresholds).`,
            differences: 'The ERASER paper writes a 1/(|B|+1) normaliser; we follow the benchmark code, which averages over the |B| bins.'
        }
    };
}
const aopcComprehensiveness = aopcErasMetric('aopc-comprehensiveness');
const aopcSufficiency = aopcErasMetric('aopc-sufficiency');
/** Per-example correlation of two [N, R] inputs; R ≥ 2 subsets are required. */
function rowCorrelation(x, y, xName, corr) {
    requireTwoPoints(x, xName, 'subsets (R ≥ 2)');
    return perRow(x, (a, i) => corr(a, row(y, i)));
}
const subsetSumsSpec = {
    name: 'subset_sums',
    shapes: [['N', 'R']],
    description: 'sum of the attributions over each of R random feature subsets (Quantus atts / att_sums)'
};
const faithfulnessCorrelation = {
    name: 'faithfulness-correlation',
    family: 'faithfulness',
    title: 'Faithfulness correlation',
    direction: 'higher',
    inputs: [
        subsetSumsSpec,
        { name: 'output_drops', shapes: [['N', 'R']], description: 'model output drop f(x) − f(x with the subset replaced by the baseline) for each subset' }
    ],
    params: noParams,
    compute({ subset_sums, output_drops }) {
        return { scores: rowCorrelation(subset_sums, output_drops, 'subset_sums', pearson) };
    },
    doc: {
        summary: 'Pearson correlation, over random feature subsets, between the attribution mass of a subset and the output drop when it is removed.',
        formula: 'ρᵢ = Pearson_r(subset_sumsᵢ,·, output_dropsᵢ,·) over the R subsets, then the mean over examples',
        range: '[−1, 1]',
        edgeCases: [
            'A row whose values are all equal (in either input) has no correlation: NaN (excluded, counted); checked exactly, not via round-off.',
            'A NaN in either row makes that example NaN.',
            'R < 2 subsets is an input error.'
        ],
        reference: 'Bhatt et al. 2020, "Evaluating and Aggregating Feature-based Model Explanations" (IJCAI); Quantus ' +
            'quantus/metrics/faithfulness/faithfulness_correlation.py (FaithfulnessCorrelation, similarity_func=correlation_pearson).'
    }
};
const monotonicityCorrelation = {
    name: 'monotonicity-correlation',
    family: 'faithfulness',
    title: 'Monotonicity correlation',
    direction: 'higher',
    inputs: [
        subsetSumsSpec,
        { name: 'output_variances', shapes: [['N', 'R']], description: 'variance (mean squared change) of the model output when each subset is perturbed (Quantus vars)' }
    ],
    params: noParams,
    compute({ subset_sums, output_variances }) {
        return { scores: rowCorrelation(subset_sums, output_variances, 'subset_sums', spearman) };
    },
    doc: {
        summary: 'Spearman rank correlation between the attribution of feature subsets and the output variance their perturbation causes.',
        formula: 'ρᵢ = Pearson_r(rank(subset_sumsᵢ,·), rank(output_variancesᵢ,·)) with average ranks for ties, then the mean',
        range: '[−1, 1]',
        edgeCases: [
            'Ties get average ranks, as scipy.stats.spearmanr.',
            'A row whose values are all equal (in either input) is NaN (excluded, counted).',
            'A NaN in either row makes that example NaN.',
            'R < 2 subsets is an input error.'
        ],
        reference: 'Nguyen & Martínez 2020, "On quantitative aspects of model interpretability" (arXiv:2007.07584); Quantus ' +
            'quantus/metrics/faithfulness/monotonicity_correlation.py (MonotonicityCorrelation, similarity_func=correlation_spearman).'
    }
};
const infidelity = {
    name: 'infidelity',
    family: 'faithfulness',
    title: 'Infidelity',
    direction: 'lower',
    inputs: [
        { name: 'dot_products', shapes: [['N', 'S']], description: 'perturbation · attribution, Σⱼ Iⱼ·aⱼ, for each of S perturbations' },
        { name: 'output_deltas', shapes: [['N', 'S']], description: 'model output change f(x) − f(x − I) for each perturbation' }
    ],
    params: object({ normalize: boolean().default(false).describe('scale I·a by the least-squares β first (Captum normalize)') })
        .strict(),
    compute({ dot_products, output_deltas }, { normalize }) {
        return {
            scores: perRow(dot_products, (ia, i) => {
                const df = row(output_deltas, i);
                if (hasNaN(ia) || hasNaN(df))
                    return NaN;
                let beta = 1;
                if (normalize) {
                    let num = 0;
                    let den = 0;
                    for (let s = 0; s < ia.length; s++) {
                        num += ia[s] * df[s];
                        den += ia[s] * ia[s];
                    }
                    // Captum's safe_div divides by 1 when the denominator is 0 (num is then 0 too).
                    beta = den === 0 ? num : num / den;
                }
                let squares = 0;
                for (let s = 0; s < ia.length; s++)
                    squares += (beta * ia[s] - df[s]) ** 2;
                return squares / ia.length;
            })
        };
    },
    doc: {
        summary: 'Mean squared error between the attribution-predicted output change (I·a) and the actual change under random perturbations.',
        formula: 'INFDᵢ = (1/S)·Σₛ (β·Iₛ·a − Δfₛ)², β = 1, or with normalize β = Σₛ(Iₛ·a)Δfₛ / Σₛ(Iₛ·a)² (0 when the denominator is 0)',
        range: '[0, ∞)',
        edgeCases: [
            'With normalize and all Iₛ·a = 0, β is 0 (Captum safe_div) and the score is the mean of Δf².',
            'A NaN in either row makes that example NaN (excluded, counted).'
        ],
        reference: 'Yeh et al. 2019, "On the (In)fidelity and Sensitivity of Explanations" (NeurIPS); Captum captum/metrics/_core/infidelity.py (infidelity).',
        differences: 'With normalize Captum evaluates β²Σ(I·a)² − 2βΣ(I·a)Δf + ΣΔf²; we sum (β·I·a − Δf)² directly, equal in exact arithmetic without the cancellation.'
    }
};
const definitions$6 = [
    deletionAuc,
    insertionAuc,
    aopc,
    aopcLerf,
    comprehensiveness,
    sufficiency,
    aopcComprehensiveness,
    aopcSufficiency,
    faithfulnessCorrelation,
    monotonicityCorrelation,
    infidelity
];

const mean = {
    name: 'mean',
    family: 'generic',
    title: 'Mean of per-example scores',
    direction: 'higher',
    inputs: [{ name: 'scores', shapes: [['N']], description: 'per-example scores computed elsewhere (e.g. with Quantus)' }],
    rowwise: true,
    params: object({}).strict(),
    compute({ scores }) {
        return { scores: Float64Array.from(scores.data) };
    },
    doc: {
        summary: 'The mean of a per-example score array computed by another tool; set `direction` to say which way is better.',
        formula: 'mean = (1/n)·Σᵢ sᵢ over the finite sᵢ',
        range: 'the range of the scores',
        edgeCases: ['NaN and ±Inf scores are excluded from the mean and counted in nanCount.'],
        reference: 'numpy.nanmean.'
    }
};
const value = {
    name: 'value',
    family: 'generic',
    title: 'Scalar value',
    direction: 'higher',
    inputs: [{ name: 'value', shapes: [[], ['1']], description: 'one number, e.g. a JSON pointer to a field of a metrics file' }],
    params: object({}).strict(),
    compute({ value: v }) {
        return { value: v.data[0] };
    },
    doc: {
        summary: 'One number computed elsewhere; compared by its point value (no per-example data, no confidence interval).',
        formula: 'value = the scalar as read',
        range: 'any',
        edgeCases: ['A non-finite value is status error.'],
        reference: 'None: a pass-through for numbers other tools compute.'
    }
};
const definitions$5 = [mean, value];

const inputs = [
    {
        name: 'attributions',
        shapes: [['N', 'F...']],
        description: 'attributions [N, F] (more dimensions are flattened per example), signed as given'
    },
    {
        name: 'mask',
        shapes: [['N', 'F...']],
        description: 'ground-truth relevance mask [N, F] (bool or 0/1), same layout as the attributions'
    }
];
const emptyMaskCase = 'An empty mask has nothing to localise: NaN (excluded, counted).';
const nanCase = 'A NaN attribution makes that example NaN (excluded, counted).';
const maskValuesCase = 'Mask values other than 0/1 are an input error (Quantus casts them with astype(bool)).';
const signedNote = 'Attributions are used signed, as given (Quantus defaults abs=False); pass |a| to localise magnitudes.';
/** Scores each example from its attribution row and mask row; empty masks and NaN rows score NaN. */
function perExample(attributions, mask, score) {
    checkZeroOne(mask, 'mask');
    return perRow(attributions, (a, i) => {
        const m = row(mask, i);
        let maskSize = 0;
        for (let j = 0; j < m.length; j++)
            maskSize += m[j];
        if (maskSize === 0 || hasNaN(a))
            return NaN;
        return score(a, m, maskSize);
    });
}
/** Share of the `count` largest attributions (ties to the lower index) that fall inside the mask. */
function topHits(a, m, count) {
    let hits = 0;
    for (const j of topKIndices(a, count))
        hits += m[j];
    return hits / count;
}
const topKIntersection = {
    name: 'top-k-intersection',
    family: 'localisation',
    title: 'Top-k intersection',
    direction: 'higher',
    inputs,
    params: object({ k: kParam }).strict(),
    compute({ attributions, mask }, { k }) {
        const count = resolveK(k, rowSize(attributions));
        return { scores: perExample(attributions, mask, (a, m) => topHits(a, m, count)) };
    },
    doc: {
        summary: 'Share of the k highest-attributed features that lie inside the ground-truth mask.',
        formula: 'TKIᵢ = |top-k(aᵢ) ∩ maskᵢ| / k, then the mean over examples',
        range: '[0, 1]',
        edgeCases: [
            'k in (0, 1) selects ceil(k·F) features (k·F rounded to 12 digits first); a whole k ≥ 1 selects k; default 0.1; more than F is an input error.',
            'Ties at the cut go to the lower feature index (numpy argsort(−a, kind="stable")).',
            signedNote,
            emptyMaskCase,
            nanCase,
            maskValuesCase
        ],
        reference: 'Theiner et al. 2021, "Interpretable Semantic Photo Geolocation" (WACV); Quantus quantus/metrics/localisation/top_k_intersection.py (TopKIntersection).',
        differences: 'Quantus breaks ties with numpy’s default (unstable) argsort; we use the stable lower-index rule. Its concept_influence option is not offered.'
    }
};
const relevanceRankAccuracy = {
    name: 'relevance-rank-accuracy',
    family: 'localisation',
    title: 'Relevance rank accuracy',
    direction: 'higher',
    inputs,
    params: object({}).strict(),
    compute({ attributions, mask }) {
        return { scores: perExample(attributions, mask, (a, m, size) => topHits(a, m, size)) };
    },
    doc: {
        summary: 'Share of the K highest-attributed features that lie inside the mask, K being the mask size.',
        formula: 'RRAᵢ = |top-K(aᵢ) ∩ maskᵢ| / K, K = |maskᵢ|, then the mean over examples',
        range: '[0, 1]',
        edgeCases: [
            'Ties at the cut go to the lower feature index (numpy argsort(−a, kind="stable")).',
            signedNote,
            emptyMaskCase,
            nanCase,
            maskValuesCase
        ],
        reference: 'Arras et al. 2022, "CLEVR-XAI: A benchmark dataset for the ground truth evaluation of neural network explanations" (Information Fusion); ' +
            'Quantus quantus/metrics/localisation/relevance_rank_accuracy.py (RelevanceRankAccuracy).',
        differences: 'Quantus breaks ties with numpy’s default (unstable) argsort; we use the stable lower-index rule.'
    }
};
const relevanceMassAccuracy = {
    name: 'relevance-mass-accuracy',
    family: 'localisation',
    title: 'Relevance mass accuracy',
    direction: 'higher',
    inputs,
    params: object({}).strict(),
    compute({ attributions, mask }) {
        return {
            scores: perExample(attributions, mask, (a, m) => {
                let within = 0;
                let total = 0;
                for (let j = 0; j < a.length; j++) {
                    within += a[j] * m[j];
                    total += a[j];
                }
                return total === 0 ? NaN : within / total;
            })
        };
    },
    doc: {
        summary: 'Share of the total attribution that falls inside the mask.',
        formula: 'RMAᵢ = Σ_{j ∈ maskᵢ} aᵢⱼ / Σⱼ aᵢⱼ, then the mean over examples',
        range: '[0, 1] for non-negative attributions; unbounded for signed ones',
        edgeCases: [
            'Attributions summing to exactly 0 make the ratio undefined: NaN (excluded, counted).',
            signedNote,
            emptyMaskCase,
            nanCase,
            maskValuesCase
        ],
        reference: 'Arras et al. 2022 (CLEVR-XAI, Information Fusion); Quantus quantus/metrics/localisation/relevance_mass_accuracy.py (RelevanceMassAccuracy).',
        differences: 'Quantus divides by a zero total anyway (inf or NaN with a warning); we score NaN.'
    }
};
const pointingGame = {
    name: 'pointing-game',
    family: 'localisation',
    title: 'Pointing game',
    direction: 'higher',
    inputs,
    params: object({}).strict(),
    binary: true,
    compute({ attributions, mask }) {
        return {
            scores: perExample(attributions, mask, (a, m) => {
                const max = a.reduce((best, v) => Math.max(best, v), -Infinity);
                for (let j = 0; j < a.length; j++)
                    if (a[j] === max && m[j] === 1)
                        return 1;
                return 0;
            })
        };
    },
    doc: {
        summary: 'Whether the highest attribution points inside the mask (1) or not (0); the mean is the hit rate.',
        formula: 'PGᵢ = 1[∃ j ∈ maskᵢ : aᵢⱼ = maxₖ aᵢₖ], then the mean over examples',
        range: '[0, 1]',
        edgeCases: [
            'When several features tie for the maximum, one of them inside the mask is a hit (as Quantus).',
            signedNote,
            emptyMaskCase,
            nanCase,
            maskValuesCase
        ],
        reference: 'Zhang et al. 2018, "Top-Down Neural Attention by Excitation Backprop" (IJCV); Quantus quantus/metrics/localisation/pointing_game.py (PointingGame).',
        differences: 'Quantus assigns NaN to a bool array for an empty mask, which stores True: a hit. We score an empty mask NaN. Its weighted option is not offered.'
    }
};
const attributionAuroc = {
    name: 'attribution-auroc',
    family: 'localisation',
    title: 'Attribution ROC AUC',
    direction: 'higher',
    inputs,
    params: object({}).strict(),
    compute({ attributions, mask }) {
        return { scores: perExample(attributions, mask, (a, m) => rocAuc(a, m)) };
    },
    doc: {
        summary: 'Per-example ROC AUC of the attributions as a detector of the mask: the chance a masked feature outranks an unmasked one.',
        formula: 'AUCᵢ = (R₁ − n₁(n₁+1)/2) / (n₁·n₀) over the F features, R₁ the masked features’ average-rank sum; then the mean',
        range: '[0, 1]; 0.5 is chance',
        edgeCases: [
            'Tied attributions count ½ (average ranks), as the trapezoid ROC of sklearn.',
            'A full mask has no negatives: NaN (excluded, counted).',
            signedNote,
            emptyMaskCase,
            nanCase,
            maskValuesCase
        ],
        reference: 'Fawcett 2006, "An introduction to ROC analysis"; Quantus quantus/metrics/localisation/auc.py (AUC: sklearn roc_curve + auc).'
    }
};
const definitions$4 = [topKIntersection, relevanceRankAccuracy, relevanceMassAccuracy, pointingGame, attributionAuroc];

const attributionsSpec$1 = {
    name: 'attributions',
    shapes: [['N', 'F...']],
    description: 'attributions of the original inputs [N, F]; more dimensions are flattened per example'
};
const perturbedSpec = {
    name: 'perturbed_attributions',
    shapes: [['N', 'S', 'F...']],
    description: 'attributions of S perturbed copies of each input [N, S, F] (trailing dimensions as in attributions)'
};
/** The S perturbed rows of example i, each a view of F values. */
function samplesOf(perturbed, i, s, f) {
    const base = i * s * f;
    return Array.from({ length: s }, (_, k) => perturbed.data.subarray(base + k * f, base + (k + 1) * f));
}
function sampleCount(perturbed, name) {
    const s = perturbed.shape[1];
    if (s < 1)
        throw new MetricInputError(`input "${name}" (${perturbed.source}) holds no perturbed samples (S = 0)`);
    return s;
}
function sensitivity(name) {
    const max = name === 'max-sensitivity';
    return {
        name,
        family: 'robustness',
        title: max ? 'Max-Sensitivity' : 'Avg-Sensitivity',
        direction: 'lower',
        inputs: [attributionsSpec$1, perturbedSpec],
        params: object({}).strict(),
        compute({ attributions, perturbed_attributions: perturbed }) {
            const n = rows(attributions);
            const s = sampleCount(perturbed, 'perturbed_attributions');
            const f = attributions.data.length / Math.max(n, 1);
            const scores = new Float64Array(n);
            for (let i = 0; i < n; i++) {
                const a = row(attributions, i);
                const norm = l2Norm(a);
                // A zero explanation has no relative change to speak of; Captum's divide-by-1 would report the raw distance.
                if (!(norm > 0)) {
                    scores[i] = NaN;
                    continue;
                }
                let best = -Infinity;
                let total = 0;
                for (const p of samplesOf(perturbed, i, s, f)) {
                    const d = l2Distance(a, p) / norm;
                    best = Number.isNaN(d) || Number.isNaN(best) ? NaN : Math.max(best, d);
                    total += d;
                }
                scores[i] = max ? best : total / s;
            }
            return { scores };
        },
        doc: {
            summary: max
                ? 'Largest relative change of an explanation over S perturbations of its input; a robust explainer keeps it small.'
                : 'Mean relative change of an explanation over S perturbations of its input; a robust explainer keeps it small.',
            formula: `SENSᵢ = ${max ? 'max' : '(1/S)·Σ'}ₛ ‖aᵢ − a′ᵢₛ‖₂ / ‖aᵢ‖₂ (norms over the flattened attribution), then the mean over examples`,
            range: '[0, ∞)',
            edgeCases: [
                'An all-zero attribution (‖aᵢ‖ = 0) makes that example NaN (excluded, counted).',
                'A NaN anywhere in the example’s attribution or its perturbed attributions makes it NaN.',
                'S = 0 perturbed samples is an input error.',
                'The perturbation itself (noise type and radius) is the caller’s; interp-gate scores the attributions it is given.'
            ],
            reference: 'Yeh et al. 2019, "On the (In)fidelity and Sensitivity of Explanations" (NeurIPS); Captum captum/metrics/_core/sensitivity.py ' +
                `(sensitivity_max); Quantus quantus/metrics/robustness/${max ? 'max_sensitivity.py (MaxSensitivity)' : 'avg_sensitivity.py (AvgSensitivity)'} ` +
                'with norm_numerator = norm_denominator = fro_norm, normalise = abs = False.',
            differences: 'Captum replaces a zero ‖a‖ by 1 (reporting the raw distance) and Quantus divides by zero; we return NaN for that example. ' +
                'Quantus drops samples whose prediction changed (return_nan_when_prediction_changes) before the nanmax / nanmean; ' +
                'filter those samples before saving the arrays. Quantus releases before 0.6 divided by ‖x‖ of the input instead of ‖a‖.'
        }
    };
}
const maxSensitivity = sensitivity('max-sensitivity');
const avgSensitivity = sensitivity('avg-sensitivity');
const localLipschitz = {
    name: 'local-lipschitz',
    aliases: ['local-lipschitz-estimate'],
    family: 'robustness',
    title: 'Local Lipschitz estimate',
    direction: 'lower',
    inputs: [
        attributionsSpec$1,
        perturbedSpec,
        { name: 'x', shapes: [['N', 'D...']], description: 'the original inputs [N, D]; more dimensions are flattened per example' },
        {
            name: 'x_perturbed',
            shapes: [['N', 'S', 'D...']],
            description: 'the S perturbed inputs [N, S, D] the perturbed attributions were computed on, in the same order'
        }
    ],
    params: object({}).strict(),
    compute({ attributions, perturbed_attributions: perturbed, x, x_perturbed: xPerturbed }) {
        const n = rows(attributions);
        const s = sampleCount(perturbed, 'perturbed_attributions');
        const f = attributions.data.length / Math.max(n, 1);
        const d = x.data.length / Math.max(n, 1);
        const scores = new Float64Array(n);
        for (let i = 0; i < n; i++) {
            const a = row(attributions, i);
            const xi = row(x, i);
            const aSamples = samplesOf(perturbed, i, s, f);
            const xSamples = samplesOf(xPerturbed, i, s, d);
            if (hasNaN(a) || hasNaN(xi) || aSamples.some(hasNaN) || xSamples.some(hasNaN)) {
                scores[i] = NaN;
                continue;
            }
            let best = NaN;
            for (let k = 0; k < s; k++) {
                const dx = l2Distance(xi, xSamples[k]);
                // A sample equal to the input carries no Lipschitz information (0/0 or ∞); it is skipped, not counted.
                if (dx === 0)
                    continue;
                const ratio = l2Distance(a, aSamples[k]) / dx;
                if (!(ratio <= best))
                    best = ratio;
            }
            scores[i] = best;
        }
        return { scores };
    },
    doc: {
        summary: 'Largest ratio of explanation change to input change over S perturbations; a robust explainer keeps it small.',
        formula: 'LLᵢ = maxₛ ‖aᵢ − a′ᵢₛ‖₂ / ‖xᵢ − x′ᵢₛ‖₂ over the samples with x′ᵢₛ ≠ xᵢ, on the arrays as given, then the mean over examples',
        range: '[0, ∞)',
        edgeCases: [
            'A perturbed input equal to its original (‖x − x′ₛ‖ = 0) is skipped; when every sample is skipped the example is NaN.',
            'A NaN anywhere in the example’s four arrays makes it NaN (excluded, counted).',
            'x may have another size than the attributions (e.g. token embeddings vs token attributions); S must agree.',
            'S = 0 perturbed samples is an input error.'
        ],
        reference: 'Alvarez-Melis & Jaakkola 2018, "On the Robustness of Interpretability Methods" (ICML WHI); Quantus ' +
            'quantus/metrics/robustness/local_lipschitz_estimate.py (LocalLipschitzEstimate) with ' +
            'quantus/functions/similarity_func.py lipschitz_constant, norm_numerator = norm_denominator = distance_euclidean.',
        differences: 'Quantus adds ε = 1e-10 to the denominator and only warns when a perturbation leaves x unchanged; we skip such samples ' +
            'instead of dividing by ε. Quantus normalises attributions by default (normalise_by_negative); we use the arrays as given, ' +
            'so normalise before saving if you want Quantus’ numbers.'
    }
};
const randomizationSimilarity = {
    name: 'randomization-similarity',
    aliases: ['mprt'],
    family: 'robustness',
    title: 'Model-randomisation similarity (MPRT)',
    direction: 'lower',
    inputs: [
        attributionsSpec$1,
        {
            name: 'random_attributions',
            shapes: [['N', 'F...']],
            description: 'attributions of the same inputs by a model with randomised parameters [N, F]'
        }
    ],
    params: object({ abs: boolean().default(true).describe('rank |a| (Quantus MPRT default); false ranks signed attributions') })
        .strict(),
    compute({ attributions, random_attributions: random }, { abs }) {
        const n = rows(attributions);
        const scores = new Float64Array(n);
        for (let i = 0; i < n; i++) {
            const a = row(attributions, i);
            const r = row(random, i);
            scores[i] = abs ? spearman(absolute(a), absolute(r)) : spearman(a, r);
        }
        return { scores };
    },
    doc: {
        summary: 'Rank correlation between an explanation and the explanation of a randomised model; an explainer that depends on the model keeps it low.',
        formula: 'ρᵢ = Spearman(|aᵢ|, |aᵢ^rand|) with average ranks for ties (abs: false drops the |·|), then the mean over examples',
        range: '[−1, 1]',
        edgeCases: [
            'A constant row (in either array, after |·|) has no ranking: that example is NaN (excluded, counted), as scipy.stats.spearmanr.',
            'A NaN in either row makes that example NaN.',
            'Ties get average ranks.'
        ],
        reference: 'Adebayo et al. 2018, "Sanity Checks for Saliency Maps" (NeurIPS); Quantus quantus/metrics/randomisation/mprt.py ' +
            '(MPRT: similarity_func = correlation_spearman, abs = True) and quantus/functions/similarity_func.py; scipy.stats.spearmanr.',
        differences: 'Quantus randomises layers one by one and reports a score per layer; we score one randomised model (usually the fully ' +
            'randomised one) given as random_attributions. Quantus also max-normalises attributions, which does not change ranks.'
    }
};
const definitions$3 = [maxSensitivity, avgSensitivity, localLipschitz, randomizationSimilarity];

const latentsSpec = {
    name: 'latents',
    shapes: [['T', 'D']],
    description: 'SAE latent activations [T tokens, D latents] (flatten batch and position into T first)'
};
const xSpec = { name: 'x', shapes: [['T', 'M']], description: 'the activations the SAE reconstructs [T tokens, M model dims]' };
const xHatSpec = { name: 'x_hat', shapes: [['T', 'M']], description: 'the SAE reconstruction of x [T, M]' };
const epsParams = object({ eps: number().nonnegative().default(0).describe('a latent counts as active when |z| > eps') })
    .strict();
const saeL0 = {
    name: 'sae-l0',
    family: 'sae',
    title: 'SAE L0 (active latents per token)',
    direction: 'lower',
    inputs: [latentsSpec],
    params: epsParams,
    compute({ latents }, { eps }) {
        return {
            scores: perRow(latents, (z) => {
                let count = 0;
                for (let j = 0; j < z.length; j++) {
                    if (Number.isNaN(z[j]))
                        return NaN;
                    if (Math.abs(z[j]) > eps)
                        count++;
                }
                return count;
            })
        };
    },
    doc: {
        summary: 'Number of latents active on a token, averaged over tokens: the sparsity of the SAE code.',
        formula: 'L0ₜ = Σ_d 1[|z_td| > eps], then the mean over tokens',
        range: '[0, D]',
        edgeCases: ['A NaN latent makes that token NaN (excluded, counted).', 'eps defaults to 0: exact zeros only.'],
        reference: 'SAELens sae_lens/evals.py get_sparsity_and_variance_metrics (l0 = (feature_acts > 0).sum(-1)); SAEBench core eval.',
        differences: 'SAELens counts z > 0; we count |z| > eps, so negative activations (non-ReLU SAEs) count as active. Identical for ReLU / TopK / JumpReLU SAEs.'
    }
};
const deadFraction = {
    name: 'dead-fraction',
    family: 'sae',
    title: 'Dead-latent fraction',
    direction: 'lower',
    inputs: [latentsSpec],
    params: epsParams,
    compute({ latents }, { eps }) {
        if (hasNaN(latents.data))
            throw new MetricInputError(`input "latents" (${latents.source}) holds NaN; dead latents are undefined`);
        const [t, d] = latents.shape;
        if (t === 0 || d === 0)
            throw new MetricInputError(`input "latents" (${latents.source}) is empty`);
        const alive = new Uint8Array(d);
        for (let k = 0; k < latents.data.length; k++)
            if (Math.abs(latents.data[k]) > eps)
                alive[k % d] = 1;
        return { value: (d - alive.reduce((p, a) => p + a, 0)) / d };
    },
    doc: {
        summary: 'Share of latents that never fire on any of the T tokens; dead latents waste dictionary capacity.',
        formula: 'dead = (1/D)·Σ_d 1[|z_td| ≤ eps for every t]',
        range: '[0, 1]',
        edgeCases: [
            'A NaN latent or an empty array is an input error.',
            'Depends on T: a latent that fires once in 10⁶ tokens looks dead on 10³; compare runs on the same token set.',
            'Whether a latent is dead is a property of the whole token set: value only, no confidence interval.'
        ],
        reference: 'Bricken et al. 2023, "Towards Monosemanticity" (dead neurons); SAELens sae_lens/evals.py feature_density (dead = density 0); SAEBench core eval (frac_dead_features).'
    }
};
/** Σ_d (x_td − x̂_td)² per token, NaN when a value is NaN. */
function squaredErrors(x, xHat) {
    return perRow(x, (xt, t) => {
        const ht = row(xHat, t);
        let s = 0;
        for (let j = 0; j < xt.length; j++)
            s += (xt[j] - ht[j]) ** 2;
        return s;
    });
}
/** The centred per-dimension columns c:0 … c:M−1 in order, found once per columns object (keyed by its sse array). */
const centredCache = new WeakMap();
function centredColumns(columns) {
    let centred = centredCache.get(columns.sse);
    if (!centred) {
        centred = Object.keys(columns)
            .filter((k) => k.startsWith('c:'))
            .sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)))
            .map((k) => columns[k]);
        centredCache.set(columns.sse, centred);
    }
    return centred;
}
/**
 * Explained variance on the rows `indices`: 1 − Σ sse / Σ_t Σ_d (x_td − x̄_d)², with x̄ the mean over those rows.
 * The columns hold x centred on the full-data mean (c_td), so Σ_t (x_td − x̄_d)² = Σ_t c_td² − (Σ_t c_td)² / n stays
 * exact on any resample and free of cancellation. Without c:d columns (resample_mean: false) x̄ stays the full-data mean.
 */
function explainedVarianceOf(columns, indices) {
    const { sse, css } = columns;
    const centred = centredColumns(columns);
    const rowsAt = rowIndices(sse.length, indices);
    const sums = new Float64Array(centred.length);
    let n = 0;
    let residual = 0;
    let total = 0;
    for (let k = 0; k < rowsAt.length; k++) {
        const t = rowsAt[k];
        if (!Number.isFinite(sse[t]))
            continue;
        n++;
        residual += sse[t];
        total += css[t];
        for (let d = 0; d < centred.length; d++)
            sums[d] += centred[d][t];
    }
    for (let d = 0; d < centred.length; d++)
        total -= (sums[d] * sums[d]) / n;
    return n === 0 || !(total > 0) ? NaN : 1 - residual / total;
}
const explainedVariance = {
    name: 'explained-variance',
    aliases: ['fve'],
    family: 'sae',
    title: 'Explained variance (FVE)',
    direction: 'higher',
    inputs: [xSpec, xHatSpec],
    params: object({
        resample_mean: boolean()
            .default(true)
            .describe('recompute x̄ on each bootstrap resample (exact; keeps one column per model dimension) or keep the full-data x̄ (two columns)')
    })
        .strict(),
    compute({ x, x_hat: xHat }, { resample_mean: resampleMean }) {
        const t = rows(x);
        const m = x.shape[1];
        const sse = squaredErrors(x, xHat);
        // Tokens with a non-finite value (sse not finite) are left out of the mean and of every sum.
        const mean = new Float64Array(m);
        let n = 0;
        for (let i = 0; i < t; i++) {
            if (!Number.isFinite(sse[i]))
                continue;
            n++;
            const xt = row(x, i);
            for (let d = 0; d < m; d++)
                mean[d] += xt[d];
        }
        if (n === 0)
            throw new MetricInputError('no token has finite x and x_hat');
        for (let d = 0; d < m; d++)
            mean[d] /= n;
        const columns = { sse, css: new Float64Array(t) };
        const centred = Array.from({ length: resampleMean ? m : 0 }, (_, d) => (columns[`c:${d}`] = new Float64Array(t)));
        for (let i = 0; i < t; i++) {
            const xt = row(x, i);
            let css = 0;
            for (let d = 0; d < m; d++) {
                const c = Number.isFinite(sse[i]) ? xt[d] - mean[d] : 0;
                if (resampleMean)
                    centred[d][i] = c;
                css += c * c;
            }
            columns.css[i] = css;
        }
        const value = explainedVarianceOf(columns);
        if (Number.isNaN(value))
            throw new MetricInputError(`input "x" (${x.source}) has zero variance; explained variance is undefined`);
        return { columns, value };
    },
    aggregate(columns, _params, indices) {
        return explainedVarianceOf(columns, indices);
    },
    doc: {
        summary: 'Share of the activations’ variance (about their per-dimension mean) that the SAE reconstruction explains.',
        formula: 'FVE = 1 − Σ_t ‖x_t − x̂_t‖² / Σ_t Σ_d (x_td − x̄_d)², x̄_d = mean over tokens (ratio of sums, not a mean of per-token ratios)',
        range: '(−∞, 1]; 1 = perfect reconstruction, 0 = no better than predicting the mean',
        edgeCases: [
            'x with zero variance (every token identical) is an input error; on a bootstrap resample it is NaN.',
            'A token with a NaN or ±Inf in x or x_hat is left out of every sum and of the mean x̄.',
            'The columns are sse_t, css_t = Σ_d c_td² and one column c:d per model dimension (x centred on the full-data mean), so the ' +
                'bootstrap recomputes x̄ on each resample exactly; they take as much room as x, in memory and in results.json.',
            'resample_mean: false keeps only sse_t and css_t and holds x̄ at the full-data mean on resamples: the value is unchanged, ' +
                'the confidence interval differs by O(1/T); use it when T·M is large.'
        ],
        reference: 'The coefficient of determination with variance weighting: sklearn.metrics.r2_score(x, x_hat, multioutput="variance_weighted"); ' +
            'SAELens sae_lens/evals.py explained_variance after PR #665 (fix of issue #659); SAEBench core eval explained_variance (PR #61).',
        differences: 'SAELens before the #659 fix subtracted Σ_d E[x_d²]² collapsed to a scalar instead of Σ_d E[x_d]², so its denominator was ' +
            'close to E‖x‖² (variance about zero) and reported inflated values (≈0.98 vs ≈0.78 in the issue). The older "legacy" formula ' +
            'averaged per-token ratios 1 − ‖x_t − x̂_t‖² / ‖x_t − x̄‖². We compute the ratio of sums about the per-dimension mean.'
    }
};
const cosineSimilarity = {
    name: 'cosine-similarity',
    aliases: ['cossim'],
    family: 'sae',
    title: 'Reconstruction cosine similarity',
    direction: 'higher',
    inputs: [xSpec, xHatSpec],
    params: object({}).strict(),
    compute({ x, x_hat: xHat }) {
        return {
            scores: perRow(x, (xt, t) => {
                const ht = row(xHat, t);
                let dot = 0;
                let xx = 0;
                let hh = 0;
                for (let j = 0; j < xt.length; j++) {
                    dot += xt[j] * ht[j];
                    xx += xt[j] * xt[j];
                    hh += ht[j] * ht[j];
                }
                if (!(xx > 0 && hh > 0))
                    return NaN;
                // One square root keeps parallel vectors at exactly ±1; the clamp guards the last ulp.
                return Math.max(-1, Math.min(1, dot / Math.sqrt(xx * hh)));
            })
        };
    },
    doc: {
        summary: 'Cosine between each activation vector and its reconstruction, averaged over tokens: does the SAE keep the direction?',
        formula: 'cosₜ = ⟨x_t, x̂_t⟩ / (‖x_t‖·‖x̂_t‖), then the mean over tokens',
        range: '[−1, 1]',
        edgeCases: ['A zero vector (x_t or x̂_t) makes that token NaN (excluded, counted).', 'A NaN value makes that token NaN.'],
        reference: 'SAELens sae_lens/evals.py get_sparsity_and_variance_metrics (cossim); SAEBench core eval (cossim).',
        differences: 'torch.nn.functional.cosine_similarity clamps the norms by eps = 1e-8 and so returns 0 for a zero vector; we return NaN.'
    }
};
function recoveredInputs(names, descriptions) {
    return names.map((name, i) => ({ name, shapes: [['N']], description: descriptions[i] }));
}
function ratioOfMeans(columns, names, ratio, indices) {
    const { means, n } = pairedMeans(names.map((k) => columns[k]), indices);
    return { value: ratio(means), n };
}
function fullValue({ value, n }, what) {
    if (n === 0)
        throw new MetricInputError('no example has finite values in every input');
    if (Number.isNaN(value))
        throw new MetricInputError(`${what}: the score is undefined (zero denominator)`);
    return value;
}
const ceNames = ['ce_clean', 'ce_sae', 'ce_ablated'];
const ceRatio = ([clean, sae, ablated]) => (ablated === clean ? NaN : (ablated - sae) / (ablated - clean));
const ceLossRecovered = {
    name: 'ce-loss-recovered',
    aliases: ['ce-loss-score'],
    family: 'sae',
    title: 'CE loss recovered',
    direction: 'higher',
    inputs: recoveredInputs(ceNames, [
        'cross-entropy of the unmodified model per token or prompt [N]',
        'cross-entropy with the SAE reconstruction spliced in [N]',
        'cross-entropy with the activation ablated (zero- or mean-ablation) [N]'
    ]),
    params: object({}).strict(),
    compute(inputs) {
        const columns = Object.fromEntries(ceNames.map((k) => [k, Float64Array.from(inputs[k].data)]));
        return { columns, value: fullValue(ratioOfMeans(columns, ceNames, ceRatio), 'mean ce_ablated equals mean ce_clean') };
    },
    aggregate(columns, _params, indices) {
        return ratioOfMeans(columns, ceNames, ceRatio, indices).value;
    },
    doc: {
        summary: 'Share of the loss increase caused by ablating the activation that splicing in the SAE reconstruction avoids.',
        formula: 'CER = (C̄E_abl − C̄E_sae) / (C̄E_abl − C̄E_clean), each mean over examples taken first',
        range: '(−∞, ∞); 1 = the SAE costs no loss, 0 = as bad as ablation',
        edgeCases: [
            'mean ce_ablated = mean ce_clean is an input error on the data (status error); on a bootstrap resample it is NaN.',
            'An example with a NaN in any of the three inputs is dropped from all three means.'
        ],
        reference: 'SAELens sae_lens/evals.py get_downstream_reconstruction_metrics (ce_loss_score, ratio of means); SAEBench core eval ' +
            '(ce_loss_score); Bricken et al. 2023 "loss recovered".'
    }
};
const klNames = ['kl_sae', 'kl_ablated'];
const klRatio = ([sae, ablated]) => (ablated === 0 ? NaN : 1 - sae / ablated);
const klRecovered = {
    name: 'kl-recovered',
    aliases: ['kl-div-score'],
    family: 'sae',
    title: 'KL divergence recovered',
    direction: 'higher',
    inputs: recoveredInputs(klNames, [
        'KL(clean ‖ with SAE) of the next-token distributions per token or prompt [N]',
        'KL(clean ‖ with the activation ablated) per token or prompt [N]'
    ]),
    params: object({}).strict(),
    compute(inputs) {
        const columns = Object.fromEntries(klNames.map((k) => [k, Float64Array.from(inputs[k].data)]));
        return { columns, value: fullValue(ratioOfMeans(columns, klNames, klRatio), 'mean kl_ablated is 0') };
    },
    aggregate(columns, _params, indices) {
        return ratioOfMeans(columns, klNames, klRatio, indices).value;
    },
    doc: {
        summary: 'Share of the output-distribution damage of ablating the activation that the SAE reconstruction avoids.',
        formula: 'KLR = 1 − K̄L_sae / K̄L_abl = (K̄L_abl − K̄L_sae) / K̄L_abl, each mean over examples taken first',
        range: '(−∞, 1]; 1 = the SAE leaves the outputs unchanged, 0 = as bad as ablation',
        edgeCases: [
            'mean kl_ablated = 0 is an input error on the data (status error); on a bootstrap resample it is NaN.',
            'An example with a NaN in either input is dropped from both means.'
        ],
        reference: 'SAELens sae_lens/evals.py get_downstream_reconstruction_metrics (kl_div_score = (kl_div_with_ablation − kl_div_with_sae) / ' +
            'kl_div_with_ablation, ratio of means); SAEBench core eval (kl_div_score).'
    }
};
const definitions$2 = [saeL0, deadFraction, explainedVariance, cosineSimilarity, ceLossRecovered, klRecovered];

const attributionsSpec = {
    name: 'attributions',
    shapes: [['N', 'F...']],
    description: 'attributions [N, F]; more dimensions are flattened per example'
};
const nonzeroFraction = {
    name: 'nonzero-fraction',
    aliases: ['sparsity'],
    family: 'sparsity',
    title: 'Non-zero fraction',
    direction: 'lower',
    inputs: [attributionsSpec],
    rowwise: true,
    params: object({ eps: number().nonnegative().default(0).describe('count features with |a| above this') }).strict(),
    compute({ attributions }, { eps }) {
        return {
            scores: perRow(attributions, (a) => {
                let count = 0;
                for (let j = 0; j < a.length; j++) {
                    if (Number.isNaN(a[j]))
                        return NaN;
                    if (Math.abs(a[j]) > eps)
                        count++;
                }
                return count / a.length;
            })
        };
    },
    doc: {
        summary: 'Share of features whose attribution magnitude exceeds eps; lower means a sparser explanation.',
        formula: 'nzᵢ = (1/F)·Σⱼ 1[|aᵢⱼ| > eps], then the mean over examples',
        range: '[0, 1]',
        edgeCases: ['A NaN attribution makes that example NaN (excluded, counted).', 'eps defaults to 0: exact zeros only.'],
        reference: 'The L0 "sparsity" of an attribution map (e.g. Chalasani et al. 2020 §5); numpy: (np.abs(a) > eps).mean(axis=1).'
    }
};
// Reused across rows: the Gini index sorts one row at a time and keeps nothing.
let giniScratch = new Float64Array(0);
let giniBits = new Uint32Array(0);
let giniSwap = new Uint32Array(0);
const RADIX = 2048; // 11-bit digits: three passes cover 32 bits
const giniCounts = new Uint32Array(3 * RADIX);
/**
 * Sorts non-negative float32 bit patterns ascending (for them the unsigned integer order is the numeric order):
 * an LSD radix sort, several times faster than a comparison sort on a row of a few thousand.
 */
function radixSortBits(keys, swap) {
    const m = keys.length;
    giniCounts.fill(0);
    for (let i = 0; i < m; i++) {
        const k = keys[i];
        giniCounts[k & 2047]++;
        giniCounts[RADIX + ((k >>> 11) & 2047)]++;
        giniCounts[2 * RADIX + (k >>> 22)]++;
    }
    let from = keys;
    let to = swap;
    for (let pass = 0; pass < 3; pass++) {
        const base = pass * RADIX;
        let sum = 0;
        for (let d = 0; d < RADIX; d++) {
            const c = giniCounts[base + d];
            giniCounts[base + d] = sum;
            sum += c;
        }
        const shift = 11 * pass;
        for (let i = 0; i < m; i++) {
            const k = from[i];
            to[giniCounts[base + ((k >>> shift) & 2047)]++] = k;
        }
        const t = from;
        from = to;
        to = t;
    }
    return from;
}
/** The row's non-zero magnitudes ascending, in scratch space; radix-sorted when all are float32 values (a float32 file). */
function sortedNonZero(values) {
    const f = values.length;
    if (giniScratch.length < f) {
        giniScratch = new Float64Array(f);
        giniBits = new Uint32Array(f);
        giniSwap = new Uint32Array(f);
    }
    let m = 0;
    let float32 = true;
    for (let j = 0; j < f; j++) {
        const a = Math.abs(values[j]);
        if (Number.isNaN(a))
            return null;
        if (a !== 0) {
            giniScratch[m++] = a;
            if (float32 && Math.fround(a) !== a)
                float32 = false;
        }
    }
    const sorted = giniScratch.subarray(0, m);
    if (!float32 || m < 64)
        return sorted.sort();
    const bits = giniBits.subarray(0, m);
    const floats = new Float32Array(bits.buffer, 0, m);
    floats.set(sorted);
    const order = radixSortBits(bits, giniSwap.subarray(0, m));
    sorted.set(new Float32Array(order.buffer, order.byteOffset, m));
    return sorted;
}
/**
 * Gini index of one row's magnitudes: sorted ascending, Σᵢ (2i − F − 1)·a₍ᵢ₎ / (F·Σa); all-zero → 0.
 * Zeros sort first and add nothing but their count to the ranks, so only the non-zero magnitudes are sorted.
 */
function giniIndex(values) {
    const f = values.length;
    const sorted = sortedNonZero(values);
    if (sorted === null)
        return NaN;
    const m = sorted.length;
    const zeros = f - m;
    let total = 0;
    let weighted = 0;
    for (let i = 0; i < m; i++) {
        total += sorted[i];
        weighted += (2 * (zeros + i + 1) - f - 1) * sorted[i];
    }
    return total === 0 ? 0 : weighted / (f * total);
}
const gini = {
    name: 'gini',
    family: 'sparsity',
    title: 'Gini index (Sparseness)',
    direction: 'higher',
    inputs: [attributionsSpec],
    rowwise: true,
    params: object({}).strict(),
    compute({ attributions }) {
        return { scores: perRow(attributions, giniIndex) };
    },
    doc: {
        summary: 'Gini index of the attribution magnitudes: 0 when spread evenly, near 1 when concentrated on few features.',
        formula: 'a = sort↑(|aᵢ|); Gᵢ = Σⱼ₌₁..F (2j − F − 1)·a₍ⱼ₎ / (F·Σⱼ a₍ⱼ₎), then the mean over examples',
        range: '[0, 1 − 1/F]',
        edgeCases: ['An all-zero attribution row scores 0.', 'A NaN attribution makes that example NaN (excluded, counted).'],
        reference: 'Chalasani et al. 2020, "Concise Explanations of Neural Networks using Adversarial Training" (ICML); ' +
            'Quantus quantus/metrics/complexity/sparseness.py (Sparseness).',
        differences: 'Quantus adds 1e-7 to every |a| before sorting; we use the magnitudes as given, so values differ by O(1e-7) and an all-zero row is defined as 0 rather than through the offset.'
    }
};
/** Shannon entropy (nats) of p = |a| / Σ|a|, with 0·ln 0 = 0; NaN for an all-zero row. */
function magnitudeEntropy(values) {
    const a = absolute(values);
    const total = sum(a);
    if (Number.isNaN(total) || total === 0)
        return NaN;
    let h = 0;
    for (let j = 0; j < a.length; j++) {
        const p = a[j] / total;
        if (p > 0)
            h -= p * Math.log(p);
    }
    return h;
}
const entropy = {
    name: 'entropy',
    family: 'sparsity',
    title: 'Entropy (Complexity)',
    direction: 'lower',
    inputs: [attributionsSpec],
    rowwise: true,
    params: object({}).strict(),
    compute({ attributions }) {
        return { scores: perRow(attributions, magnitudeEntropy) };
    },
    doc: {
        summary: 'Shannon entropy of the attribution magnitudes as a distribution over features; lower means a less complex explanation.',
        formula: 'pⱼ = |aᵢⱼ| / Σₖ |aᵢₖ|; Hᵢ = −Σⱼ pⱼ·ln pⱼ (nats), then the mean over examples',
        range: '[0, ln F]',
        edgeCases: [
            'Zero attributions contribute 0 (0·ln 0 = 0, as scipy.stats.entropy).',
            'An all-zero attribution row has no distribution: NaN (excluded, counted).',
            'A NaN attribution makes that example NaN (excluded, counted).'
        ],
        reference: 'Bhatt et al. 2020, "Evaluating and Aggregating Feature-based Model Explanations" (IJCAI); ' +
            'Quantus quantus/metrics/complexity/complexity.py (Complexity).',
        differences: 'Quantus takes −Σ p·ln(p + 1e-12); we use the exact entropy with 0·ln 0 = 0 (differences of order F·1e-12). Its max-normalisation does not change p.'
    }
};
const effectiveComplexity = {
    name: 'effective-complexity',
    family: 'sparsity',
    title: 'Effective complexity',
    direction: 'lower',
    inputs: [attributionsSpec],
    rowwise: true,
    params: object({ eps: number().nonnegative().default(1e-5).describe('count features with |a| / max|a| above this') })
        .strict(),
    compute({ attributions }, { eps }) {
        return {
            scores: perRow(attributions, (values) => {
                const a = absolute(values);
                if (hasNaN(a))
                    return NaN;
                const max = a.reduce((m, v) => Math.max(m, v), 0);
                if (max === 0)
                    return 0;
                let count = 0;
                for (let j = 0; j < a.length; j++)
                    if (a[j] / max > eps)
                        count++;
                return count;
            })
        };
    },
    doc: {
        summary: 'Number of features whose attribution magnitude, relative to the largest one, exceeds eps; lower is simpler.',
        formula: 'ECᵢ = Σⱼ 1[|aᵢⱼ| / maxₖ |aᵢₖ| > eps] (eps = 1e-5 by default), then the mean over examples',
        range: '[0, F]',
        edgeCases: ['An all-zero attribution row scores 0.', 'A NaN attribution makes that example NaN (excluded, counted).'],
        reference: 'Nguyen & Martínez 2020, "On quantitative aspects of model interpretability" (arXiv:2007.07584); ' +
            'Quantus quantus/metrics/complexity/effective_complexity.py (EffectiveComplexity).',
        differences: 'Quantus divides by the largest |a| of the whole batch (normalise_by_max over all axes), so a score depends on the batch; ' +
            'we divide by the example’s own largest |a|.'
    }
};
const topKMass = {
    name: 'top-k-mass',
    family: 'sparsity',
    title: 'Top-k attribution mass',
    direction: 'higher',
    inputs: [attributionsSpec],
    rowwise: true,
    params: object({ k: kParam }).strict(),
    compute({ attributions }, { k }) {
        const count = resolveK(k, rowSize(attributions));
        return {
            scores: perRow(attributions, (values) => {
                const a = absolute(values);
                const total = sum(a);
                if (Number.isNaN(total) || total === 0)
                    return NaN;
                let top = 0;
                for (const j of topKIndices(a, count))
                    top += a[j];
                return top / total;
            })
        };
    },
    doc: {
        summary: 'Share of the total attribution magnitude held by the k largest-magnitude features; higher is more concentrated.',
        formula: 'massᵢ = Σ_{j ∈ top-k |aᵢ|} |aᵢⱼ| / Σⱼ |aᵢⱼ|, then the mean over examples',
        range: '[k/F, 1]',
        edgeCases: [
            'k in (0, 1) selects ceil(k·F) features (k·F rounded to 12 digits first, so 0.3·10 is 3); a whole k ≥ 1 selects k; default 0.1.',
            'k selecting more than F features is an input error.',
            'Ties at the cut do not matter: tied features have equal magnitude.',
            'An all-zero attribution row is NaN (excluded, counted); so is a row with a NaN.'
        ],
        reference: 'The "top-k mass" concentration of an attribution map; numpy: np.sort(|a|)[::-1][:k].sum() / |a|.sum() (no library reference).'
    }
};
const definitions$1 = [nonzeroFraction, gini, entropy, effectiveComplexity, topKMass];

const predictionsSpec = {
    name: 'predictions',
    shapes: [['N'], ['N', 'C']],
    description: 'predicted class ids [N], or class scores / logits / probabilities [N, C] (argmax taken)'
};
const labelsSpec = { name: 'labels', shapes: [['N']], description: 'true class ids [N]' };
const accuracy = {
    name: 'accuracy',
    family: 'task',
    title: 'Accuracy',
    direction: 'higher',
    inputs: [predictionsSpec, labelsSpec],
    rowwise: true,
    params: object({}).strict(),
    binary: true,
    compute({ predictions, labels }) {
        const predicted = classIds(predictions);
        const scores = new Float64Array(predicted.length);
        for (let i = 0; i < scores.length; i++) {
            scores[i] = Number.isNaN(predicted[i]) || Number.isNaN(labels.data[i]) ? NaN : predicted[i] === labels.data[i] ? 1 : 0;
        }
        return { scores };
    },
    doc: {
        summary: 'Fraction of examples whose predicted class equals the label.',
        formula: 'acc = (1/N)·Σᵢ 1[ŷᵢ = yᵢ], ŷᵢ = argmax_c predictionsᵢ,c when predictions is [N, C]',
        range: '[0, 1]',
        edgeCases: [
            'argmax ties go to the lowest class index, as numpy.argmax.',
            'A NaN prediction or label makes that example NaN (excluded, counted).'
        ],
        reference: 'sklearn.metrics.accuracy_score (sklearn/metrics/_classification.py).'
    }
};
const topKAccuracy = {
    name: 'top-k-accuracy',
    family: 'task',
    title: 'Top-k accuracy',
    direction: 'higher',
    inputs: [
        { name: 'logits', shapes: [['N', 'C']], description: 'class scores [N, C]: logits or probabilities (only their order matters)' },
        labelsSpec
    ],
    params: object({ k: number().int().min(1).default(5).describe('a hit when the label is among the k largest scores; 1 ≤ k ≤ C') })
        .strict(),
    binary: true,
    compute({ logits, labels }, { k }) {
        const c = logits.shape[1];
        if (k > c)
            throw new MetricInputError(`k = ${k} exceeds the C = ${c} classes of input "logits"`);
        const scores = perRow(logits, (s, i) => {
            const label = labels.data[i];
            if (Number.isNaN(label) || hasNaN(s))
                return NaN;
            if (!Number.isInteger(label) || label < 0 || label >= c) {
                throw new MetricInputError(`input "labels" (${labels.source}): element ${i} is ${label}, not a class id in 0..${c - 1}`);
            }
            // Classes ranked ahead of the label: higher scores, and equal scores at a higher index (sklearn's order).
            let ahead = 0;
            for (let j = 0; j < c; j++)
                if (s[j] > s[label] || (s[j] === s[label] && j > label))
                    ahead++;
            return ahead < k ? 1 : 0;
        });
        return { scores };
    },
    doc: {
        summary: 'Fraction of examples whose label is among the k classes with the largest scores.',
        formula: 'top-kᵢ = 1[#{c : s_c > s_yᵢ, or s_c = s_yᵢ and c > yᵢ} < k], then the mean over examples',
        range: '[0, 1]',
        edgeCases: [
            'Tied scores rank the higher class index first, as sklearn (stable argsort reversed), so a tie at the cut can exclude the label.',
            'k defaults to 5 and must not exceed C; k = C scores every example 1.',
            'A NaN score in the row or a NaN label makes that example NaN (excluded, counted).',
            'A label that is not a whole number in 0..C−1 is an input error.'
        ],
        reference: 'sklearn.metrics.top_k_accuracy_score (sklearn/metrics/_ranking.py): argsort(y_score, kind="mergesort")[:, ::-1][:, :k].',
        differences: 'sklearn thresholds column 1 at 0.5 (or 0) when there are two classes and k = 1; we always rank the C scores of each row.'
    }
};
/** Mann–Whitney AUC over the rows `indices` (all rows when omitted), skipping rows with a NaN score or label. */
// Same statistic as edge-auroc, with NaN rows left out but ±∞ scores kept (they still order).
const aurocOf = (columns, indices) => mannWhitneyAuc(columns.score, columns.label, indices, notNaN);
const auroc = {
    name: 'auroc',
    family: 'task',
    title: 'ROC AUC',
    direction: 'higher',
    inputs: [
        { name: 'scores', shapes: [['N']], description: 'classifier scores for the positive class [N] (probabilities, logits or margins)' },
        { name: 'labels', shapes: [['N']], description: 'true binary labels [N], 0 or 1' }
    ],
    params: object({}).strict(),
    compute({ scores, labels }) {
        checkZeroOne(labels, 'labels', true);
        const columns = { score: Float64Array.from(scores.data), label: Float64Array.from(labels.data) };
        return { columns, value: aurocOf(columns) };
    },
    aggregate(columns, _params, indices) {
        return aurocOf(columns, indices);
    },
    doc: {
        summary: 'Probability that a random positive example scores above a random negative one (ties count ½).',
        formula: 'AUC = (R₁ − n₁(n₁+1)/2) / (n₁·n₀), R₁ the sum of the positives’ average ranks among all scores (Mann–Whitney U / n₁n₀)',
        range: '[0, 1]; 0.5 is chance',
        edgeCases: [
            'Tied scores get average ranks, so a positive–negative tie counts ½ (as the trapezoid ROC of sklearn).',
            'A row with a NaN score or label is left out of the AUC.',
            'With only one class present (in the data or a bootstrap resample) the AUC is NaN.',
            'Labels other than 0/1 are an input error.',
            'Not decomposable per example: resamples recompute the AUC from the (score, label) columns.'
        ],
        reference: 'sklearn.metrics.roc_auc_score (sklearn/metrics/_ranking.py), binary case; equal to scipy.stats.mannwhitneyu U / (n₁·n₀).',
        differences: 'sklearn raises on NaN input and on a single class; we drop NaN rows and return NaN for a single class.'
    }
};
const agreement = {
    name: 'agreement',
    family: 'task',
    title: 'Prediction agreement',
    direction: 'higher',
    inputs: [
        predictionsSpec,
        { name: 'targets', shapes: [['N'], ['N', 'C']], description: 'class ids [N] or scores [N, C] (argmax taken) to agree with, e.g. the original model' }
    ],
    params: object({}).strict(),
    binary: true,
    compute({ predictions, targets }) {
        const a = classIds(predictions);
        const b = classIds(targets);
        const scores = new Float64Array(a.length);
        for (let i = 0; i < scores.length; i++)
            scores[i] = Number.isNaN(a[i]) || Number.isNaN(b[i]) ? NaN : a[i] === b[i] ? 1 : 0;
        return { scores };
    },
    doc: {
        summary: 'Fraction of examples where two classifiers pick the same class: surrogate fidelity, interchange-intervention accuracy.',
        formula: 'agreeᵢ = 1[argmax predictionsᵢ = argmax targetsᵢ] (ids used as given when [N]), then the mean over examples',
        range: '[0, 1]',
        edgeCases: [
            'argmax ties go to the lowest class index, as numpy.argmax.',
            'A NaN in either row makes that example NaN (excluded, counted).'
        ],
        reference: 'Fidelity of a surrogate (Ribeiro et al. 2016, LIME §3) and interchange-intervention accuracy (Geiger et al. 2021); ' +
            'numpy: (argmax(p, 1) == argmax(t, 1)).mean().'
    }
};
const definitions = [accuracy, topKAccuracy, auroc, agreement];

/** Every built-in metric, in catalogue order. A family file exports `definitions`; list it here once. */
const builtinMetrics = [
    ...definitions,
    ...definitions$6,
    ...definitions$1,
    ...definitions$4,
    ...definitions$8,
    ...definitions$3,
    ...definitions$7,
    ...definitions$2,
    ...definitions$5
];
const byName = new Map();
for (const def of builtinMetrics) {
    for (const key of [def.name, ...(def.aliases ?? [])]) {
        if (byName.has(key))
            throw new Error(`metric name "${key}" is defined twice`);
        byName.set(key, def);
    }
}
function findMetric(name) {
    return byName.get(name);
}
/** "unknown metric "x" (did you mean "y"?)" — the text config errors use. */
function unknownMetricMessage(name) {
    return `unknown metric "${name}"${didYouMean(name, byName.keys())}; \`interp-gate metrics\` lists them`;
}

/** Inputs whose content identifies the eval set when no ids are given, in order of preference. */
const IDENTITY_INPUTS = ['labels', 'targets', 'mask', 'reference', 'circuit', 'correct'];
/** The input whose content stands for the eval set when there are no ids. */
function identityInput(names) {
    return IDENTITY_INPUTS.find((k) => names.includes(k));
}
/** A fingerprint of an identity input fed block by block: call update with the float64 values in C order. */
function identityHasher(name, shape) {
    const hash = createHash('sha256');
    hash.update(`${name}\n${shape.join(',')}\n`);
    return {
        update: (data) => hash.update(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)),
        digest: () => `sha256:${hash.digest('hex').slice(0, 16)}`
    };
}
function fingerprint(ids, inputs) {
    if (ids)
        return `sha256:${createHash('sha256').update(`ids\n${ids.join('\n')}`).digest('hex').slice(0, 16)}`;
    const name = identityInput(Object.keys(inputs));
    if (!name)
        return undefined;
    const hasher = identityHasher(name, inputs[name].shape);
    hasher.update(inputs[name].data);
    return hasher.digest();
}
function sufficient(scores) {
    let n = 0;
    let s = 0;
    for (const v of scores)
        if (Number.isFinite(v))
            (n++, (s += v));
    const mean = n ? s / n : NaN;
    let ss = 0;
    for (const v of scores)
        if (Number.isFinite(v))
            ss += (v - mean) ** 2;
    return { n, mean: n ? mean : null, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : null };
}
/** Runs one bound metric on its arrays and packs value, CI and per-example data into a results entry. */
function buildMetricResult(bound, inputs, ids, defaults) {
    checkShapes(bound.definition.inputs, inputs);
    const output = bound.definition.compute(inputs, bound.params);
    return packMetricResult(bound, output, ids, defaults, ids ? undefined : fingerprint(undefined, inputs));
}
/** Value, CI and per-example data of a computed output; `identity` is the eval-set fingerprint when there are no ids. */
function packMetricResult(bound, output, ids, defaults, identity, 
/** The mean-bootstrap CI of output.scores when already computed (in parallel, with the same seed). */
scoresCi) {
    const { definition, entry, params } = bound;
    const rowsOf = output.scores?.length ?? Object.values(output.columns ?? {})[0]?.length;
    if (ids && rowsOf !== undefined && ids.length !== rowsOf) {
        throw new Error(`ids (${entry.ids}) has ${ids.length} entries but the metric has ${rowsOf} examples`);
    }
    const aggregate = output.columns ? (cols, idx) => definition.aggregate(cols, params, idx) : undefined;
    if (output.columns && !definition.aggregate)
        throw new Error(`metric "${definition.name}" returned columns but has no aggregate()`);
    let value;
    let n;
    let nanCount = 0;
    let ci = null;
    const options = { resamples: defaults.resamples, confidence: defaults.confidence, seed: seedFor(defaults.seed, entry.id) };
    if (output.scores) {
        const finite = output.scores.filter(Number.isFinite);
        n = finite.length;
        nanCount = output.scores.length - n;
        value = finiteMean(finite);
        if (n > 0)
            ci = jsonInterval(scoresCi ?? bootstrapMeanCI(finite, options));
    }
    else if (output.columns && aggregate) {
        n = rowsOf ?? 0;
        value = output.value ?? aggregate(output.columns);
        if (n > 0)
            ci = jsonInterval(bootstrapColumnsCI(output.columns, aggregate, options));
    }
    else {
        n = 1;
        value = output.value ?? NaN;
    }
    if (!Number.isFinite(value))
        throw new Error(nanCount > 0 ? `no finite per-example score (${nanCount} NaN)` : 'the metric has no finite value');
    const result = {
        id: entry.id,
        metric: definition.name,
        title: definition.title,
        family: definition.family,
        direction: bound.direction,
        value,
        n,
        nanCount,
        ci,
        params: params,
        ...(definition.binary ? { binary: true } : {})
    };
    const print = ids ? fingerprint(ids, {}) : identity;
    if (print)
        result.fingerprint = print;
    if (output.scores)
        result.summary = sufficient(output.scores);
    result.gate = entry.gate;
    result.severity = bound.severity;
    const total = rowsOf ?? 0;
    if (output.scores || output.columns) {
        if (total > defaults['max-examples'])
            result.examples = { omitted: { total, cap: defaults['max-examples'] } };
        else {
            result.examples = {
                ...(ids ? { ids } : {}),
                ...(output.scores ? { scores: encodeFloat64(output.scores) } : {}),
                ...(output.columns ? { columns: Object.fromEntries(Object.entries(output.columns).map(([k, v]) => [k, encodeFloat64(v)])) } : {})
            };
        }
    }
    return result;
}
/** The entry for a metric that could not be computed: status error, with the reason. */
function errorResult(bound, message) {
    return {
        id: bound.entry.id,
        metric: bound.definition.name,
        title: bound.definition.title,
        family: bound.definition.family,
        direction: bound.direction,
        value: null,
        n: 0,
        nanCount: 0,
        ci: null,
        params: bound.params,
        error: message
    };
}

const DEFAULT_BLOCK_BYTES = 8 * 2 ** 20;
/** Below this many bytes of input a worker thread costs more than it saves. */
const SPLIT_MIN_BYTES = 32 * 2 ** 20;
/**
 * Evaluates row-wise metrics (MetricDefinition.rowwise) whose inputs are all numeric .npy files or .npz members,
 * in one pass over the arrays a block of rows at a time; each file is read once however many metrics use it.
 * Metrics it cannot stream (other formats, Fortran order, text) are left out of the map for the whole-array path.
 */
function evaluateBlockwise(reader, bound, options = {}) {
    const readers = new Map();
    const outcomes = new Map();
    const planned = new Map();
    try {
        for (const b of bound) {
            if (!b.definition.rowwise)
                continue;
            try {
                const job = planJob(b, reader, readers);
                if (job)
                    planned.set(b, job);
            }
            catch (error) {
                outcomes.set(b, { error });
            }
        }
        const jobs = [...planned.values()];
        const splits = startSplits(jobs, readers, options);
        const to = splits.length ? splits[0].from : Infinity;
        runRows(jobs, readers, { ...options, to });
        for (const split of splits)
            joinSplit(split, jobs, reader, options);
        for (const [b, job] of planned) {
            outcomes.set(b, job.failed !== undefined ? { error: job.failed } : { output: { scores: job.scores }, identity: job.hasher?.digest() ?? splitIdentity(job, reader, splits.length > 0) });
        }
    }
    finally {
        for (const r of readers.values())
            r?.close();
    }
    return outcomes;
}
/** Opens the metric's inputs (shared across metrics) and checks their shapes from the headers; undefined when not streamable. */
function planJob(b, reader, readers) {
    const refs = b.entry.inputs;
    for (const ref of Object.values(refs)) {
        if (!readers.has(ref))
            readers.set(ref, reader.openRows(ref));
        if (!readers.get(ref))
            return undefined;
    }
    const placeholders = {};
    for (const [name, ref] of Object.entries(refs)) {
        const r = readers.get(ref);
        placeholders[name] = { data: new Float64Array(0), shape: r.header.shape, dtype: r.header.dtype.name, source: r.source };
    }
    checkShapes(b.definition.inputs, placeholders);
    const rows = Object.values(placeholders)[0]?.shape[0] ?? 0;
    const job = { definition: b.definition, params: b.params, id: b.entry.id, refs, rows, scores: new Float64Array(rows) };
    const identityName = b.entry.ids ? undefined : identityInput(Object.keys(refs));
    if (identityName) {
        job.identityName = identityName;
        job.hasher = identityHasher(identityName, placeholders[identityName].shape);
    }
    return job;
}
/** Starts worker threads on the upper rows when that is safe and worth it; this thread keeps rows [0, first split). */
function startSplits(jobs, readers, options) {
    const split = options.split;
    if (!split || split.threads < 2 || jobs.length === 0)
        return [];
    const used = [...new Set(jobs.flatMap((j) => Object.values(j.refs)))].map((ref) => readers.get(ref));
    const rows = jobs[0].rows;
    const bytes = used.reduce((s, r) => s + r.header.shape.reduce((p, d) => p * d, 1) * r.header.dtype.itemsize, 0);
    // Workers re-open .npy files at their first row and find metrics by name; a fingerprint must be hashed in row order.
    const safe = used.every((r) => r.seekable) &&
        jobs.every((j) => j.rows === rows && findMetric(j.definition.name) === j.definition) &&
        jobs.every((j) => !j.identityName || readers.get(j.refs[j.identityName]).rows.rowSize === 1);
    if (!safe || bytes < (split.minBytes ?? SPLIT_MIN_BYTES) || rows < 2 * split.threads)
        return [];
    for (const job of jobs) {
        // Hashed after the pass from the whole (one value per row) input instead.
        job.hasher = undefined;
    }
    const share = Math.ceil(rows / split.threads);
    const splits = [];
    for (let from = share; from < rows; from += share) {
        const to = Math.min(rows, from + share);
        const plan = {
            jobs: jobs.map((j) => ({ metric: j.definition.name, params: j.params, refs: j.refs })),
            from,
            to,
            blockBytes: options.blockBytes ?? DEFAULT_BLOCK_BYTES
        };
        splits.push({ from, to, join: split.start(plan) });
    }
    return splits;
}
/** Copies a worker's scores in; if the worker failed, this thread computes its rows (and meets the same error, if any). */
function joinSplit(split, jobs, reader, options) {
    const scores = split.join();
    if (scores) {
        jobs.forEach((job, k) => job.failed === undefined && job.scores.set(scores[k], split.from));
        return;
    }
    const readers = new Map();
    try {
        for (const ref of new Set(jobs.flatMap((j) => Object.values(j.refs))))
            readers.set(ref, reader.openRows(ref, split.from));
        runRows(jobs, readers, { ...options, from: split.from, to: split.to });
    }
    catch (error) {
        for (const job of jobs)
            if (job.failed === undefined)
                job.failed = error;
    }
    finally {
        for (const r of readers.values())
            r?.close();
    }
}
function splitIdentity(job, reader, wasSplit) {
    if (!wasSplit || !job.identityName)
        return undefined;
    const array = reader.read(job.refs[job.identityName]);
    const hasher = identityHasher(job.identityName, array.shape);
    hasher.update(array.data);
    return hasher.digest();
}
/** A worker's part: rows [plan.from, plan.to) of each job, on readers opened at plan.from. */
function computeRows(reader, plan) {
    const readers = new Map();
    try {
        const jobs = plan.jobs.map((j) => {
            const definition = findMetric(j.metric);
            if (!definition?.rowwise)
                throw new Error(`metric "${j.metric}" is not a built-in row-wise metric`);
            for (const ref of Object.values(j.refs))
                if (!readers.has(ref))
                    readers.set(ref, reader.openRows(ref, plan.from));
            return { definition, params: j.params, id: j.metric, refs: j.refs, rows: plan.to, scores: new Float64Array(plan.to - plan.from) };
        });
        runRows(jobs, readers, { blockBytes: plan.blockBytes, from: plan.from, to: plan.to, offset: plan.from });
        const failed = jobs.find((j) => j.failed !== undefined);
        if (failed)
            throw failed.failed;
        return jobs.map((j) => j.scores);
    }
    finally {
        for (const r of readers.values())
            r?.close();
    }
}
/** Reads every input block by block (rows [from, to)) and runs each metric on its block. */
function runRows(jobs, readers, options) {
    const used = [...new Set(jobs.flatMap((j) => Object.values(j.refs)))].map((ref) => [ref, readers.get(ref)]);
    if (used.length === 0)
        return;
    const widest = Math.max(...used.map(([, r]) => r.rows.rowSize), 1);
    const blockRows = Math.max(1, Math.floor((options.blockBytes ?? DEFAULT_BLOCK_BYTES) / (8 * widest)));
    const buffers = new Map(used.map(([ref, r]) => [ref, new Float64Array(Math.min(blockRows, r.rows.rows) * r.rows.rowSize)]));
    const total = Math.max(...used.map(([, r]) => r.rows.rows));
    const from = options.from ?? 0;
    const to = Math.min(total, options.to ?? total);
    const ids = jobs.map((j) => j.id);
    // A file that turns out broken mid-way (truncated, bad CRC) fails the metrics that read it, not the others.
    const broken = new Set();
    const guarded = (ref, read) => {
        if (broken.has(ref))
            return;
        try {
            read();
        }
        catch (error) {
            broken.add(ref);
            for (const job of jobs)
                if (job.failed === undefined && Object.values(job.refs).includes(ref))
                    job.failed = error;
        }
    };
    for (let start = from; start < to; start += blockRows) {
        const blocks = new Map();
        for (const [ref, r] of used) {
            const count = Math.min(blockRows, r.rows.rows - start, to - start);
            if (count <= 0)
                continue;
            const data = buffers.get(ref).subarray(0, count * r.rows.rowSize);
            guarded(ref, () => r.rows.next(count, data));
            blocks.set(ref, { data, shape: [count, ...r.header.shape.slice(1)], dtype: r.header.dtype.name, source: r.source });
        }
        for (const job of jobs)
            if (job.failed === undefined && start < job.rows)
                runBlock(job, blocks, start - (options.offset ?? 0));
        options.onRows?.(ids, Math.min(to, start + blockRows), total);
    }
    // Only a pass that reached the end can check that nothing follows the data (and an .npz member's CRC).
    if (to === total)
        for (const [ref, r] of used)
            guarded(ref, () => r.rows.finish());
}
function runBlock(job, blocks, at) {
    const inputs = {};
    for (const [name, ref] of Object.entries(job.refs))
        inputs[name] = blocks.get(ref);
    try {
        const { scores } = job.definition.compute(inputs, job.params);
        const count = Object.values(inputs)[0].shape[0];
        if (!scores || scores.length !== count)
            throw new Error(`metric "${job.definition.name}" is marked rowwise but returned no per-row scores`);
        job.scores.set(scores, at);
        if (job.hasher && job.identityName)
            job.hasher.update(inputs[job.identityName].data);
    }
    catch (error) {
        job.failed = error;
    }
}

function shareCiJobs(jobs) {
    const total = jobs.reduce((s, j) => s + j.scores.length, 0);
    const scores = new SharedArrayBuffer(8 * total);
    const view = new Float64Array(scores);
    const bounds = [];
    let at = 0;
    for (const job of jobs) {
        view.set(job.scores, at);
        bounds.push([at, at + job.scores.length]);
        at += job.scores.length;
    }
    return { scores, bounds, options: jobs.map((j) => j.options), counters: new SharedArrayBuffer(8), results: new SharedArrayBuffer(16 * jobs.length) };
}
/** Claims jobs until none are left (main thread and workers alike); each CI lands in its own slot, so results never depend on who ran what. */
function runSharedCiJobs(shared) {
    const counters = new Int32Array(shared.counters);
    const scores = new Float64Array(shared.scores);
    const results = new Float64Array(shared.results);
    for (;;) {
        const k = Atomics.add(counters, 0, 1);
        if (k >= shared.bounds.length)
            return;
        const [start, end] = shared.bounds[k];
        try {
            const ci = bootstrapMeanCI(scores.subarray(start, end), shared.options[k]);
            results[2 * k] = ci.low;
            results[2 * k + 1] = ci.high;
        }
        catch {
            // Counted as done either way, so the waiting thread never hangs; NaN bounds read as "no CI".
            results[2 * k] = results[2 * k + 1] = NaN;
        }
        Atomics.add(counters, 1, 1);
        Atomics.notify(counters, 1);
    }
}
/**
 * Mean-bootstrap CIs of several metrics, spread over `threads` threads (this one included) when a worker starter is
 * given; the same intervals as bootstrapMeanCI one by one, in any case.
 */
function parallelMeanCIs(jobs, threads, startWorker) {
    if (jobs.length === 0)
        return [];
    const shared = shareCiJobs(jobs);
    const helpers = startWorker ? Math.min(threads - 1, jobs.length - 1) : 0;
    const workers = Array.from({ length: Math.max(0, helpers) }, () => startWorker(shared));
    try {
        runSharedCiJobs(shared);
        const counters = new Int32Array(shared.counters);
        // Blocks until the workers finish the jobs they claimed (Atomics.wait is allowed on Node's main thread).
        for (let done = Atomics.load(counters, 1); done < jobs.length; done = Atomics.load(counters, 1))
            Atomics.wait(counters, 1, done, 1000);
    }
    finally {
        for (const w of workers)
            w.terminate();
    }
    const results = new Float64Array(shared.results);
    return jobs.map((job, k) => ({ level: job.options.confidence, low: results[2 * k], high: results[2 * k + 1] }));
}

export { finiteOrNull as A, didYouMean as B, ZodDefault as C, ZodObject as D, ZodArray as E, ZodRecord as F, findMetric as G, unknownMetricMessage as H, InputError as I, custom as J, ZodType as K, createInputReader as L, evaluateBlockwise as M, NEVER as N, packMetricResult as O, buildMetricResult as P, errorResult as Q, parallelMeanCIs as R, computeRows as S, runSharedCiJobs as T, ZodOptional as Z, _enum as _, string as a, builtinMetrics as b, resolveInWorkspace as c, array as d, union as e, boolean as f, unknown as g, decodeFloat64 as h, sortedFinite as i, columnRows as j, checkBootstrapOptions as k, literal as l, createRng as m, number as n, object as o, indexBootstrapStats as p, quantileSorted as q, record as r, specText as s, toJSONSchema as t, unzipSync as u, percentileInterval as v, meanBootstrapStats as w, finiteValues as x, seedFor as y, jsonInterval as z };
