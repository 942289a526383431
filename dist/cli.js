#!/usr/bin/env node
import { $ as markdownTable, B as clearingOutputsOnFailure, D as HistoryError, E as metricSeries, F as ConfigError, G as renderMarkdown, H as writeOutputs, I as defaultsSchema, It as utf8Length, K as tableRows, L as writeJunitFile, Lt as bundledParallel, M as builtinMetrics, N as findMetric, Nt as GITLAB_NOTE_BYTES, O as entryFromResults, P as unknownMetricMessage, Q as neutraliseTerminal, R as OutputError, U as headline, V as prepareOutputFolder, W as noteLines, X as shardBanner, Y as trendText, Z as sliceRows, _ as aggregateLookup, b as runPipeline, bt as InputError, c as createProgress, ct as parseResults, d as CHANGE_POINT_DEFAULTS, g as adapterGateSpecs, gt as resultsSchema, h as TOOL, ht as comparisonSchema, i as FolderStore, it as compare, k as historySchemaFiles, kt as toJSONSchema, l as progressMode, lt as readResultsFile, m as renderDashboard, o as mergeShards, ot as formatNumber, p as seriesChanges, r as historyRefusal, s as parseShard, st as ResultsError, t as stickyMarker, u as dashboardData, ut as serializeJson, v as gateSpecs, w as specText, xt as didYouMean, y as loadConfig, yt as readRegularText } from "./chunks/shared.js";
import { parseArgs } from "node:util";
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, posix, relative, resolve, sep } from "node:path";
// src/metrics/docs.ts
const familyTitles = {
	task: "Task",
	faithfulness: "Faithfulness",
	sparsity: "Sparsity",
	localisation: "Localisation",
	agreement: "Agreement",
	robustness: "Robustness and sanity-check",
	circuits: "Circuits",
	sae: "Sparse-autoencoder",
	generic: "Generic",
	plugin: "Plugin"
};
/** JSON Schema of a metric's params (input side: defaults are optional); {} when the schema cannot be represented. */
function paramsJsonSchema(def) {
	try {
		const schema = toJSONSchema(def.params, {
			io: "input",
			unrepresentable: "any"
		});
		delete schema.$schema;
		return schema;
	} catch {
		return {};
	}
}
function shapesText(spec) {
	return spec.shapes.map(specText).join(" or ");
}
function inputsText(def) {
	return def.inputs.map((i) => `${i.name}${i.optional ? "?" : ""} ${shapesText(i)}`).join(", ");
}
/** Families in the order they first appear, each with its metrics in catalogue order. */
function byFamily(defs) {
	const groups = /* @__PURE__ */ new Map();
	for (const def of defs) groups.set(def.family, [...groups.get(def.family) ?? [], def]);
	return [...groups];
}
const cell = (text) => text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
function typeText(s) {
	if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(", ");
	if (s.const !== void 0) return JSON.stringify(s.const);
	if (s.anyOf) return s.anyOf.map(typeText).join(" or ");
	if (s.type === "array") return `${s.items ? typeText(s.items) : "any"}[]`;
	if (Array.isArray(s.type)) return s.type.join(" or ");
	return s.type ?? "any";
}
function constraintsText(s) {
	const parts = [];
	if (s.minimum !== void 0) parts.push(`≥ ${s.minimum}`);
	if (s.exclusiveMinimum !== void 0) parts.push(`> ${s.exclusiveMinimum}`);
	if (s.maximum !== void 0) parts.push(`≤ ${s.maximum}`);
	if (s.exclusiveMaximum !== void 0) parts.push(`< ${s.exclusiveMaximum}`);
	return parts.join(", ");
}
function paramsMarkdown(def) {
	const schema = paramsJsonSchema(def);
	const properties = Object.entries(schema.properties ?? {});
	if (properties.length === 0) return schema.properties ? "None." : "Validated by the metric’s own schema.";
	const required = new Set(schema.required ?? []);
	const rows = properties.map(([name, s]) => [
		`\`${name}\``,
		cell(typeText(s)),
		s.default !== void 0 ? `\`${JSON.stringify(s.default)}\`` : required.has(name) ? "required" : "—",
		cell(constraintsText(s)),
		cell(s.description ?? "")
	]);
	return markdownTable([[
		"Param",
		"Type",
		"Default",
		"Constraints",
		"Description"
	], ...rows]);
}
function metricMarkdown(def) {
	const { doc } = def;
	const names = [`\`${def.name}\``, ...(def.aliases ?? []).map((a) => `\`${a}\` (alias)`)].join(", ");
	const inputs = markdownTable([[
		"Input",
		"Shape",
		"Description"
	], ...def.inputs.map((i) => [
		`\`${i.name}\`${i.optional ? " (optional)" : ""}`,
		cell(shapesText(i)),
		cell(i.description)
	])]);
	const lines = [
		`### ${def.name}`,
		"",
		`**${def.title}.** ${doc.summary}`,
		"",
		`- Name: ${names}`,
		`- Family: ${def.family}`,
		`- Direction: ${def.direction} is better`,
		`- Range: ${doc.range || "—"}`,
		...def.binary ? ["- Per-example outcomes are 0/1: paired comparisons use McNemar’s exact test"] : [],
		"",
		"**Inputs**",
		"",
		inputs,
		"",
		"**Params**",
		"",
		paramsMarkdown(def),
		"",
		"**Formula**",
		"",
		"```text",
		doc.formula || "—",
		"```",
		"",
		"**Edge cases**",
		"",
		...doc.edgeCases.length ? doc.edgeCases.map((e) => `- ${e}`) : ["- None documented."],
		"",
		`**Reference.** ${doc.reference || "—"}`
	];
	if (doc.differences) lines.push("", `**Differences from the reference.** ${doc.differences}`);
	return lines.join("\n");
}
/** docs/metrics.md: a generated header, a table of contents by family, then one section per metric. Deterministic. */
function renderCatalogueMarkdown(defs) {
	const groups = byFamily(defs);
	const out = [
		"# Metric catalogue",
		"",
		"<!-- Generated from the metric registry by `npm run docs`; do not edit by hand. -->",
		"",
		"Every metric interp-gate computes. The `metric:` key of a config entry names one of them (or an alias); its `inputs:` map each input name below to an array reference. Shapes are symbolic: a letter (N examples, F features, …) must agree across the inputs of one metric, a digit is a fixed size, and a name ending in `...` stands for one or more trailing dimensions that are flattened (attributions [N, H, W] give F = H·W). `interp-gate metrics --json` prints the same catalogue as JSON.",
		"",
		"## Contents",
		""
	];
	for (const [family, list] of groups) {
		out.push(`**${familyTitles[family]}**`, "");
		out.push(markdownTable([[
			"Metric",
			"Direction",
			"Inputs"
		], ...list.map((d) => [
			`[${d.name}](#${d.name})`,
			d.direction,
			cell(inputsText(d))
		])]), "");
	}
	for (const [family, list] of groups) {
		out.push(`## ${familyTitles[family]} metrics`, "");
		for (const def of list) out.push(metricMarkdown(def), "");
	}
	return `${out.join("\n").trimEnd()}\n`;
}
/** The terminal table of `interp-gate metrics`: name, family, direction, inputs. */
function renderCatalogueText(defs) {
	const rows = [[
		"NAME",
		"FAMILY",
		"DIRECTION",
		"INPUTS"
	], ...defs.map((d) => [
		d.name,
		d.family,
		d.direction,
		inputsText(d)
	])];
	const widths = [
		0,
		1,
		2
	].map((c) => Math.max(...rows.map((r) => r[c].length)));
	return rows.map((r) => r.map((text, c) => c < 3 ? text.padEnd(widths[c]) : text).join("  ")).join("\n");
}
/** The catalogue as plain data for `interp-gate metrics --json`. */
function catalogueJson(defs) {
	return defs.map((d) => ({
		name: d.name,
		aliases: [...d.aliases ?? []],
		family: d.family,
		title: d.title,
		direction: d.direction,
		inputs: d.inputs.map((i) => ({
			name: i.name,
			shapes: i.shapes.map((s) => [...s]),
			description: i.description,
			optional: i.optional ?? false
		})),
		params: paramsJsonSchema(d),
		binary: d.binary ?? false
	}));
}
/** One metric for `interp-gate metrics NAME`: what it computes, its inputs with shapes, params with defaults, aliases. */
function renderMetricText(def) {
	const schema = paramsJsonSchema(def);
	const required = new Set(schema.required ?? []);
	const params = Object.entries(schema.properties ?? {}).map(([name, s]) => {
		const fallback = s.default !== void 0 ? `default ${JSON.stringify(s.default)}` : required.has(name) ? "required" : "optional";
		const constraints = constraintsText(s);
		return `  ${name}: ${typeText(s)}, ${fallback}${constraints ? `, ${constraints}` : ""}${s.description ? ` — ${s.description}` : ""}`;
	});
	return [
		`${def.name} — ${def.title}`,
		def.doc.summary,
		"",
		`aliases:   ${def.aliases?.length ? def.aliases.join(", ") : "(none)"}`,
		`family:    ${def.family}`,
		`direction: ${def.direction} is better`,
		`range:     ${def.doc.range || "—"}`,
		`formula:   ${def.doc.formula || "—"}`,
		"",
		"inputs:",
		...def.inputs.map((i) => `  ${i.name}${i.optional ? " (optional)" : ""}: ${shapesText(i)} — ${i.description}`),
		"",
		"params:",
		...params.length ? params : ["  (none)"]
	].join("\n");
}
// src/report/text.ts
const VERDICT = {
	fail: "FAIL",
	warn: "PASS (with warnings)",
	pass: "PASS"
};
/** The terminal table: the report's table with plain ids, every note (as in the report), then the verdict line (a shard's banner instead). */
function renderTerminal(c) {
	const rows = tableRows(c.rows, {
		br: " ",
		list: ", ",
		wbr: "",
		pColumn: true
	}).map((r) => r.map((cell) => cell.replace(/`/g, "")));
	const base = c.base ? `baseline ${c.base.commit?.slice(0, 7) ?? "?"}${c.base.ref ? ` (${c.base.ref})` : ""}` : "no baseline";
	const notes = noteLines(c).map((n) => `  ${n.id ? `${n.id}: ` : ""}${n.text}`);
	const slices = c.rows.filter((r) => r.slices?.some((s) => s.status === "regressed")).flatMap((r) => [
		`slices of ${r.id}:`,
		markdownTable(sliceRows(r, (t) => t), { stringLength: displayWidth }),
		""
	]);
	const baseline = c.baselineNote ? [`baseline: ${c.baselineNote}`] : [];
	return [
		`interp-gate — suite ${c.head.suite}, ${base}`,
		...baseline,
		"",
		markdownTable(rows, { stringLength: displayWidth }),
		"",
		...notes.length ? [
			"notes:",
			...notes,
			""
		] : [],
		...slices,
		`${headline(c)}`,
		c.shard ? shardBanner(c.shard) : `verdict: ${VERDICT[c.verdict]}`
	].join("\n");
}
const WIDE = /* @__PURE__ */ new Set([
	9989,
	10060,
	10068,
	9888
]);
/** Terminal columns of a string: emoji and other wide symbols take two. */
function displayWidth(text) {
	let width = 0;
	for (const ch of text) {
		const cp = ch.codePointAt(0);
		if (cp === 65039 || cp === 8203) continue;
		width += cp >= 126976 || WIDE.has(cp) ? 2 : 1;
	}
	return width;
}
// src/cli/dashboard-command.ts
const DASHBOARD_HELP = `interp-gate dashboard — a static page of every metric's history

Usage:
  interp-gate dashboard --store DIR --out SITE [--title TEXT] [--repo-url https://github.com/OWNER/REPO]
      Write SITE/index.html: one self-contained page (uPlot, styles and data inlined;
      no network request) with a chart per metric (CI band, gate lines, change points),
      commit links (with --repo-url), filters by suite and family, and a table view.`;
/** `interp-gate dashboard`. */
function dashboardCommand(args, io) {
	const { values } = parseArgs({
		args,
		options: {
			store: { type: "string" },
			out: { type: "string" },
			title: { type: "string" },
			"repo-url": { type: "string" },
			help: {
				type: "boolean",
				short: "h"
			}
		},
		strict: true
	});
	if (values.help) {
		io.out(`${DASHBOARD_HELP}\n`);
		return 0;
	}
	if (!values.store || !values.out) throw new HistoryError("dashboard needs a store and an output folder: interp-gate dashboard --store DIR --out SITE");
	const repoUrl = values["repo-url"];
	if (repoUrl !== void 0 && !/^https:\/\/[^\s"<>]+$/.test(repoUrl)) throw new HistoryError(`--repo-url must be an https URL such as https://github.com/OWNER/REPO; got "${repoUrl}"`);
	const entries = new FolderStore(resolve(io.cwd, values.store), values.store).listSync();
	const html = renderDashboard(dashboardData(entries, { repoUrl: repoUrl?.replace(/\/+$/, "") }), { title: values.title });
	try {
		writeOutputs(prepareOutputFolder(io.cwd, values.out), { "index.html": html });
	} catch (error) {
		if (error instanceof OutputError) throw error;
		throw new HistoryError(`${values.out}: cannot write the dashboard (${error.code ?? error.message})`);
	}
	io.out(`wrote ${join(values.out, "index.html")} (${entries.length} entries, ${(html.length / 1024).toFixed(0)} KiB)\n`);
	return 0;
}
// src/cli/history-command.ts
const HISTORY_HELP = `interp-gate history — metric values across commits, and where they changed

Usage:
  interp-gate history add RESULTS.json --store DIR [--date ISO] [--parent SHA] [--comparison FILE]
                          [--run-id N] [--force]
      Append the run's compact entry (values, CIs, n) to the store: one new file
      DIR/<suite>/<commit>.json, written atomically (safe with concurrent writers).
      Refuses a shard's results (add the merged ones), a pull request's (ref refs/pull/…)
      and results without a commit: they would corrupt the trend; --force adds them anyway.
      --date: the ordering date (default: results.json's createdAt); use the commit date.
      --comparison: the run's comparison.json, to record each metric's coverage.
      --run-id: the CI run that measured it (default: GITHUB_RUN_ID when set).
  interp-gate history show --store DIR [--metric ID] [--suite NAME] [--last N] [--json]
                           [--significance 0.001] [--min-magnitude 0.01]
      Print each metric's series and its change points: E-divisive means proposes
      a split, Welch's t-test keeps it when p < significance and the level moves by
      at least min-magnitude × |level before| (docs/history.md).
      --json: {"metrics": {"<id>": {"points": [...], "changes": [...]}}}.`;
function positiveNumber(text, name, fallback) {
	if (text === void 0) return fallback;
	const v = Number(text);
	if (!Number.isFinite(v) || v < 0) throw new HistoryError(`--${name} must be a non-negative number; got "${text}"`);
	return v;
}
/** Store contents come from other runs: control characters never reach the terminal. */
const escapeTerminal = neutraliseTerminal;
function readComparison(path, display) {
	let raw;
	try {
		raw = JSON.parse(readRegularText(path, display));
	} catch (error) {
		throw new HistoryError(`${display}: cannot read a comparison file (${error.code ?? error.message})`);
	}
	const parsed = comparisonSchema.safeParse(raw);
	if (!parsed.success) throw new HistoryError(`${display}: not an interp-gate comparison file (${parsed.error.issues[0].path.join(".") || "root"}: ${parsed.error.issues[0].message})`);
	return parsed.data;
}
function add(args, io) {
	const { values, positionals } = parseArgs({
		args,
		options: {
			store: { type: "string" },
			date: { type: "string" },
			parent: { type: "string" },
			comparison: { type: "string" },
			"run-id": { type: "string" },
			force: {
				type: "boolean",
				default: false
			},
			help: {
				type: "boolean",
				short: "h"
			}
		},
		allowPositionals: true,
		strict: true
	});
	if (values.help) {
		io.out(`${HISTORY_HELP}\n`);
		return 0;
	}
	if (positionals.length !== 1 || !values.store) throw new HistoryError("history add needs one results file and a store: interp-gate history add RESULTS.json --store DIR");
	const results = readResultsFile(resolve(io.cwd, positionals[0]), positionals[0]);
	const refusal = historyRefusal(results);
	if (refusal && !values.force) throw new HistoryError(`history add: not adding ${positionals[0]}: ${refusal}. --force adds it anyway`);
	const comparison = values.comparison ? readComparison(resolve(io.cwd, values.comparison), values.comparison) : null;
	const runIdText = values["run-id"] ?? io.env?.GITHUB_RUN_ID;
	const runId = runIdText === void 0 ? null : Number(runIdText);
	if (runId !== null && !(Number.isSafeInteger(runId) && runId >= 0)) throw new HistoryError(`--run-id must be a whole number; got "${runIdText}"`);
	const entry = entryFromResults(results, {
		date: values.date,
		parent: values.parent ?? null,
		runId,
		comparison
	});
	const written = new FolderStore(resolve(io.cwd, values.store), values.store).addSync(entry);
	io.out(`added ${entry.suite} @ ${entry.commit ?? "no commit"} (${Object.keys(entry.metrics).length} metric(s)) as ${values.store}/${written}\n`);
	return 0;
}
function showJson(shown) {
	const metrics = Object.fromEntries(shown.map(({ series: s, changes }) => [s.id, {
		suite: s.suite,
		metric: s.metric,
		family: s.family,
		direction: s.direction,
		...s.gate ? { gate: s.gate } : {},
		points: s.points,
		changes: changes.map(({ index: _, ...c }) => c)
	}]));
	return `${JSON.stringify({ metrics }, null, 2)}\n`;
}
/** The median CI width of a series' points: noise within it should not fill the sparkline's height. */
function typicalCiWidth(s) {
	const widths = s.points.flatMap((p) => p.low !== null && p.high !== null ? [p.high - p.low] : []).sort((a, b) => a - b);
	return widths.length ? widths[Math.floor(widths.length / 2)] : 0;
}
function showText(shown) {
	if (!shown.length) return "no entries in the store\n";
	const lines = [];
	for (const { series: s, changes } of shown) {
		const values = s.points.map((p) => p.value);
		lines.push(`${escapeTerminal(s.id)}  ${values.length} point(s)  ${trendText(values, typicalCiWidth(s))}`);
		for (const c of changes) {
			const rel = c.relative === null ? "" : ` (${c.relative > 0 ? "+" : ""}${(c.relative * 100).toFixed(1)}%)`;
			lines.push(`  change at ${escapeTerminal((c.commit ?? "no commit").slice(0, 12))} ${c.date.slice(0, 10)}: ${formatNumber(c.before)} → ${formatNumber(c.after)}${rel}, p=${c.pValue.toPrecision(2)}`);
		}
	}
	return `${lines.join("\n")}\n`;
}
async function show(args, io) {
	const { values } = parseArgs({
		args,
		options: {
			store: { type: "string" },
			metric: { type: "string" },
			suite: { type: "string" },
			last: { type: "string" },
			json: { type: "boolean" },
			significance: { type: "string" },
			"min-magnitude": { type: "string" },
			help: {
				type: "boolean",
				short: "h"
			}
		},
		strict: true
	});
	if (values.help) {
		io.out(`${HISTORY_HELP}\n`);
		return 0;
	}
	if (!values.store) throw new HistoryError("history show needs a store: interp-gate history show --store DIR");
	const last = values.last === void 0 ? Infinity : Number(values.last);
	if (!(Number.isInteger(last) && last > 0) && last !== Infinity) throw new HistoryError(`--last must be a positive integer; got "${values.last}"`);
	const options = {
		...CHANGE_POINT_DEFAULTS,
		significance: positiveNumber(values.significance, "significance", CHANGE_POINT_DEFAULTS.significance),
		minMagnitude: positiveNumber(values["min-magnitude"], "min-magnitude", CHANGE_POINT_DEFAULTS.minMagnitude)
	};
	if (!(options.significance > 0 && options.significance < 1)) throw new HistoryError(`--significance must be between 0 and 1; got "${values.significance}"`);
	const all = metricSeries(await new FolderStore(resolve(io.cwd, values.store), values.store).list(values.suite));
	const picked = values.metric ? all.filter((s) => s.id === values.metric) : all;
	if (values.metric && !picked.length) throw new HistoryError(`no metric "${values.metric}" in ${values.store}; it has: ${all.map((s) => s.id).join(", ") || "no entries"}`);
	const shown = picked.map((series) => {
		const changes = seriesChanges(series.points, options);
		const from = Math.max(0, series.points.length - last);
		return {
			series: {
				...series,
				points: series.points.slice(from)
			},
			changes: changes.filter((c) => c.index >= from).map((c) => ({
				...c,
				index: c.index - from
			}))
		};
	});
	io.out(values.json ? showJson(shown) : showText(shown));
	return 0;
}
/** `interp-gate history add|show`. */
async function historyCommand(args, io) {
	const [sub, ...rest] = args;
	if (sub === "add") return add(rest, io);
	if (sub === "show") return await show(rest, io);
	if (sub === "--help" || sub === "-h" || sub === "help") {
		io.out(`${HISTORY_HELP}\n`);
		return 0;
	}
	if (sub === void 0) throw new HistoryError("history needs a subcommand: add or show; see interp-gate history --help");
	throw new HistoryError(`history: unknown subcommand "${sub}"${didYouMean(sub, ["add", "show"])}; expected add or show; see interp-gate history --help`);
}
// src/cli/usage-hints.ts
/** The long options a help text names ("--baseline", "--max-input-bytes"): what a mistyped option is matched against. */
function optionsNamedIn(help) {
	return [...new Set(help.match(/--[a-z][a-z0-9-]*[a-z0-9]/g) ?? [])];
}
/**
* node:util parseArgs's "Unknown option '--basline'" as one line naming the command, with the closest option the
* command's help names; null for any other error.
*/
function unknownOptionMessage(error, command, help) {
	if (error.code !== "ERR_PARSE_ARGS_UNKNOWN_OPTION") return null;
	const option = /Unknown option '([^']+)'/.exec(error.message)?.[1];
	if (!option) return null;
	return `${command}: unknown option ${option}${option.startsWith("--") ? didYouMean(option, optionsNamedIn(help)) : ""}`;
}
/** The usage paragraph of one subcommand ("interp-gate history add …" up to the next "interp-gate history …"). */
function subcommandHelp(help, command, sub) {
	return help.split(new RegExp(`\\n(?=\\s*interp-gate ${command} )`)).find((p) => sub !== void 0 && new RegExp(`^\\s*interp-gate ${command} ${sub} `).test(p)) ?? help;
}
// src/results/json-schema.ts
/** docs/schema/*.json: the published JSON Schemas of results.json and comparison.json. */
function schemaFiles() {
	const render = (schema, id) => `${JSON.stringify({
		$id: id,
		...toJSONSchema(schema, { io: "output" })
	}, null, 2)}\n`;
	return {
		"results.schema.json": render(resultsSchema, "interp-gate/results@1"),
		"comparison.schema.json": render(comparisonSchema, "interp-gate/comparison@1")
	};
}
// src/gitlab/api.ts
var GitLabError = class extends Error {
	status;
	name = "GitLabError";
	constructor(message, status) {
		super(message);
		this.status = status;
	}
};
function gitlabClient(apiUrl, token, fetchImpl = fetch) {
	const base = apiUrl.replace(/\/+$/, "");
	return {
		apiUrl: base,
		async request(method, path, options = {}) {
			const url = new URL(`${base}${path}`);
			for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
			const headers = { accept: "application/json" };
			if (token) headers[token.kind === "private" ? "PRIVATE-TOKEN" : "JOB-TOKEN"] = token.value;
			if (options.json !== void 0) headers["content-type"] = "application/json";
			let response = await send(fetchImpl, url, {
				method,
				headers,
				body: options.json !== void 0 ? JSON.stringify(options.json) : void 0
			}, base);
			let current = url;
			let trusted = true;
			for (let hop = 0; method === "GET" && REDIRECTS.has(response.status) && response.headers.get("location") && hop < 5; hop++) {
				const next = new URL(response.headers.get("location"), current);
				trusted &&= next.origin === url.origin;
				response = await send(fetchImpl, next, {
					method,
					headers: trusted ? headers : { accept: headers.accept }
				}, base);
				current = next;
			}
			return {
				status: response.status,
				headers: response.headers,
				body: new Uint8Array(await response.arrayBuffer())
			};
		}
	};
}
const REDIRECTS = /* @__PURE__ */ new Set([
	301,
	302,
	303,
	307,
	308
]);
async function send(fetchImpl, url, init, base) {
	try {
		return await fetchImpl(url, {
			...init,
			redirect: "manual",
			signal: AbortSignal.timeout(6e4)
		});
	} catch (error) {
		throw new GitLabError(`${init.method} ${url.origin}${url.pathname}: ${error.message}; is CI_API_V4_URL (${base}) reachable from the job?`, void 0);
	}
}
function jsonOf(response, what) {
	try {
		return JSON.parse(new TextDecoder().decode(response.body));
	} catch {
		throw new GitLabError(`${what}: GitLab answered ${response.status} with a body that is not JSON`, response.status);
	}
}
/** The error text GitLab puts in a JSON body ({"message": …} or {"error": …, "error_description": …}), short. */
function said(response) {
	const text = new TextDecoder().decode(response.body).slice(0, 2e3);
	try {
		const body = JSON.parse(text);
		const parts = [
			body.message,
			body.error,
			body.error_description
		].filter((p) => p !== void 0).map((p) => typeof p === "string" ? p : JSON.stringify(p));
		if (parts.length) return parts.join(": ").slice(0, 300);
	} catch {}
	return text.trim().slice(0, 300);
}
/**
* "could not update the merge request note: 403 insufficient_scope — GITLAB_TOKEN needs the `api` scope…": the
* status, what GitLab said, and what to change.
*/
function describeGitLabError(response, doing, need, tokenName) {
	const status = response.status;
	let hint = "";
	if (status === 401) hint = ` — ${tokenName} was not accepted (missing, expired or revoked): create a project access token with the \`${need}\` scope and store it as a masked CI/CD variable ${tokenName}`;
	else if (status === 403) hint = ` — ${tokenName} may not do this: it needs the \`${need}\` scope${need === "api" ? " (read_api cannot write notes)" : ""} and at least the Reporter role on the project`;
	else if (status === 404) hint = ` — not found, or ${tokenName} cannot see the project`;
	const text = said(response);
	return new GitLabError(`could not ${doing}: ${text.startsWith(String(status)) ? text : `${status}${text ? ` ${text}` : ""}`}${hint}`, status);
}
/** The next page of a paginated list: `x-next-page` (offset pagination), else the `Link: <…>; rel="next"` URL's page. */
function nextPage(headers) {
	const next = headers.get("x-next-page");
	if (next && /^\d+$/.test(next.trim())) return next.trim();
	const link = headers.get("link");
	const match = link ? /<([^>]+)>\s*;\s*rel="next"/.exec(link) : null;
	if (!match) return null;
	try {
		return new URL(match[1]).searchParams.get("page");
	} catch {
		return null;
	}
}
// src/gitlab/artifacts.ts
/**
* One file of the artifacts of `job` in the latest successful pipeline of `ref`
* (GET /projects/:id/jobs/artifacts/:ref_name/raw/*artifact_path?job=name, GitLab doc/api/job_artifacts.md).
* null when there is none yet (404: no successful pipeline on the branch, no such job, or the file is not in its artifacts).
*/
async function downloadArtifactFile(client, file) {
	const path = file.path.split("/").map(encodeURIComponent).join("/");
	const response = await client.request("GET", `/projects/${encodeURIComponent(file.projectId)}/jobs/artifacts/${encodeURIComponent(file.ref)}/raw/${path}`, { query: { job: file.job } });
	if (response.status === 404) return null;
	if (response.status !== 200) throw describeGitLabError(response, `download ${file.path} from job "${file.job}" of ${file.ref}'s latest successful pipeline`, "read_api", file.tokenName);
	return response.body;
}
// src/gitlab/context.ts
const value = (env, name) => env[name] === void 0 || env[name].trim() === "" ? null : env[name].trim();
function gitlabContext(env) {
	const apiUrl = value(env, "CI_API_V4_URL");
	const projectId = value(env, "CI_PROJECT_ID");
	if (!apiUrl || !projectId) throw new GitLabError(`interp-gate gitlab runs inside a GitLab CI job, which sets ${[apiUrl ? null : "CI_API_V4_URL", projectId ? null : "CI_PROJECT_ID"].filter(Boolean).join(" and ")}; elsewhere use \`interp-gate run\` (with --junit for other CIs)`, void 0);
	const iid = value(env, "CI_MERGE_REQUEST_IID");
	let mergeRequest = null;
	if (iid) {
		if (!/^\d+$/.test(iid)) throw new GitLabError(`CI_MERGE_REQUEST_IID must be a merge request number, got ${JSON.stringify(iid)}`, void 0);
		const target = value(env, "CI_MERGE_REQUEST_PROJECT_ID") ?? projectId;
		const source = value(env, "CI_MERGE_REQUEST_SOURCE_PROJECT_ID") ?? projectId;
		const targetBranch = value(env, "CI_MERGE_REQUEST_TARGET_BRANCH_NAME");
		if (!targetBranch) throw new GitLabError("CI_MERGE_REQUEST_IID is set but CI_MERGE_REQUEST_TARGET_BRANCH_NAME is not; is this a merge request pipeline?", void 0);
		mergeRequest = {
			iid,
			projectId: target,
			targetBranch,
			fork: source !== target
		};
	}
	return {
		apiUrl,
		projectId,
		projectDir: value(env, "CI_PROJECT_DIR"),
		commitSha: value(env, "CI_COMMIT_SHA"),
		refName: value(env, "CI_COMMIT_REF_NAME"),
		jobName: value(env, "CI_JOB_NAME"),
		mergeRequest
	};
}
// src/gitlab/notes.ts
/** Pages of 100 notes read at most: a busy merge request must not cost unbounded calls. */
const MAX_NOTE_PAGES = 50;
/**
* GitLab runs quick actions (`/merge`, `/close`, `/approve`…) written at the start of a line of a note. The report
* never starts a line with "/", but text from results files could: a zero-width space makes such a line plain text.
*/
function neutraliseQuickActions(body) {
	return body.replace(/^([ \t]*)\//gm, "$1​/");
}
const project = (id) => `/projects/${encodeURIComponent(id)}`;
const normalize = (text) => text.replace(/\r\n/g, "\n").trimEnd();
/** Who the token writes as (GET /user); null when the token may not ask (then any note with the marker counts). */
async function currentUserId(client) {
	const response = await client.request("GET", "/user");
	if (response.status !== 200) return null;
	const id = jsonOf(response, "GET /user").id;
	return typeof id === "number" ? id : null;
}
/** Every note of the merge request, oldest first, following x-next-page / Link rel="next". */
async function listNotes(client, options) {
	const path = `${project(options.projectId)}/merge_requests/${encodeURIComponent(options.mergeRequestIid)}/notes`;
	const notes = [];
	let page = "1";
	for (let read = 0; page !== null && read < MAX_NOTE_PAGES; read++) {
		const response = await client.request("GET", path, { query: {
			per_page: "100",
			page,
			sort: "asc",
			order_by: "created_at"
		} });
		if (response.status !== 200) throw describeGitLabError(response, `list the notes of merge request !${options.mergeRequestIid}`, "api", options.tokenName);
		const data = jsonOf(response, "list notes");
		if (!Array.isArray(data)) throw new GitLabError("list notes: GitLab answered with something other than a list", response.status);
		notes.push(...data);
		page = nextPage(response.headers);
	}
	return notes;
}
/** Our earlier note for this marker: not a system note, starting with the marker, written by the token's user when known. */
function findStickyNote(notes, marker, userId) {
	return notes.find((n) => !n.system && (n.body ?? "").trimStart().startsWith(marker) && (userId === null || n.author?.id === userId));
}
/** Creates the merge request's sticky note for this suite, or updates it in place; no write when the body is unchanged. */
async function upsertStickyNote(client, given) {
	const options = {
		...given,
		body: neutraliseQuickActions(given.body)
	};
	if (utf8Length(options.body) > 1e6) throw new GitLabError(`the note is ${utf8Length(options.body)} bytes, over GitLab's ${GITLAB_NOTE_BYTES}`, void 0);
	const userId = await currentUserId(client);
	const existing = findStickyNote(await listNotes(client, options), options.marker, userId);
	const notesPath = `${project(options.projectId)}/merge_requests/${encodeURIComponent(options.mergeRequestIid)}/notes`;
	if (existing && normalize(existing.body ?? "") === normalize(options.body)) return {
		action: "unchanged",
		id: existing.id
	};
	if (existing) {
		const response = await client.request("PUT", `${notesPath}/${existing.id}`, { json: { body: options.body } });
		if (response.status !== 200) throw describeGitLabError(response, `update note ${existing.id} on merge request !${options.mergeRequestIid}`, "api", options.tokenName);
		return {
			action: "updated",
			id: existing.id
		};
	}
	const response = await client.request("POST", notesPath, { json: { body: options.body } });
	if (response.status !== 201 && response.status !== 200) throw describeGitLabError(response, `add a note to merge request !${options.mergeRequestIid}`, "api", options.tokenName);
	return {
		action: "created",
		id: jsonOf(response, "create note").id
	};
}
// src/report/codequality.ts
const SEVERITY = {
	error: "major",
	warning: "minor",
	notice: "info"
};
/**
* The annotations (one per metric that broke a gate or could not be compared) as Code Quality issues, so the merge
* request widget lists them. The fingerprint hashes suite and title (metric id and status), not numbers or lines:
* the same problem on the target branch and in the merge request is one issue, and GitLab shows only new ones.
*/
function renderCodeQuality(annotations, suite) {
	const issues = annotations.map((a) => ({
		description: `${a.title}: ${a.message}`.slice(0, 4e3),
		check_name: `interp-gate/${a.title.replace(/^interp-gate: \S+ /, "")}`,
		fingerprint: createHash("sha256").update(`${suite}\0${a.title}`).digest("hex").slice(0, 32),
		severity: SEVERITY[a.level],
		location: {
			path: a.file ?? "interp-gate.yml",
			lines: { begin: a.line ?? 1 }
		}
	}));
	return `${JSON.stringify(issues, null, 2)}\n`;
}
// src/cli/cli-shared.ts
const EXIT = {
	pass: 0,
	fail: 1,
	usage: 2
};
var UsageError = class extends Error {};
function verdictExit(c) {
	return c.verdict === "fail" ? EXIT.fail : EXIT.pass;
}
/** The options `run` and `merge` share: both end in the same compare, report and gate. */
const PIPELINE_OPTIONS = {
	config: {
		type: "string",
		default: "interp-gate.yml"
	},
	baseline: { type: "string" },
	out: {
		type: "string",
		default: "interp-gate-out"
	},
	"working-directory": {
		type: "string",
		short: "C",
		default: "."
	},
	commit: { type: "string" },
	ref: { type: "string" },
	history: { type: "string" },
	junit: { type: "string" }
};
/** The runPipeline options `run` and `merge` build alike from PIPELINE_OPTIONS' values and the environment. */
function sharedPipelineOptions(values, io) {
	const workspace = resolve(io.cwd, values["working-directory"] ?? ".");
	return {
		workspace,
		config: values.config ?? "interp-gate.yml",
		baseline: values.baseline ? {
			results: readBaselineFile(workspace, values.baseline),
			note: `baseline file ${values.baseline}`
		} : null,
		noBaselineNote: "no --baseline given",
		outDir: values.out ?? "interp-gate-out",
		loadHistory: historyLoader(workspace, values.history),
		commit: values.commit ?? io.env.GITHUB_SHA ?? null,
		ref: values.ref ?? io.env.GITHUB_REF ?? null,
		createdAt: sourceDateEpoch(io.env.SOURCE_DATE_EPOCH)
	};
}
/** --history DIR: the folder store (or folder of results files) that gate.history and the trend column read. */
function historyLoader(workspace, dir) {
	return dir === void 0 ? void 0 : (suite) => new FolderStore(resolve(workspace, dir), dir).list(suite);
}
/** Metrics broken by the same alias share one message: print it once. */
function printMetricErrors(results, io) {
	for (const error of new Set(results.metrics.flatMap((m) => m.error ? [m.error] : []))) io.err(`error: ${error}\n`);
}
/** SOURCE_DATE_EPOCH as reproducible-builds.org defines it: whole seconds since 1970, else a usage error. */
function sourceDateEpoch(text) {
	if (text === void 0 || text === "") return void 0;
	const seconds = /^\d{1,12}$/.test(text.trim()) ? Number(text.trim()) : NaN;
	const date = /* @__PURE__ */ new Date(seconds * 1e3);
	if (!Number.isFinite(date.getTime())) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 (e.g. 1700000000), got ${JSON.stringify(text)}; unset it to use the current time`);
	return date.toISOString();
}
/** The --baseline file; a missing one says where a baseline comes from instead of only ENOENT. */
function readBaselineFile(workspace, file) {
	try {
		return readResultsFile(resolve(workspace, file), file);
	} catch (error) {
		if (error instanceof ResultsError && /: file not found/.test(error.message)) throw new ResultsError(`--baseline ${file}: file not found (resolved to ${resolve(workspace, file)}). A baseline is the results.json of a run on the base branch: run \`interp-gate run --out DIR\` on it (or download its interp-gate-<suite> artifact) and pass DIR/results.json; without --baseline every metric is reported as new`);
		throw error;
	}
}
// src/cli/gitlab-command.ts
/** GITLAB_TOKEN writes notes; CI_JOB_TOKEN can only read artifacts. */
function tokenOf(env) {
	if (env.GITLAB_TOKEN?.trim()) return {
		token: {
			kind: "private",
			value: env.GITLAB_TOKEN.trim()
		},
		name: "GITLAB_TOKEN"
	};
	if (env.CI_JOB_TOKEN?.trim()) return {
		token: {
			kind: "job",
			value: env.CI_JOB_TOKEN.trim()
		},
		name: "CI_JOB_TOKEN"
	};
	return {
		token: null,
		name: "GITLAB_TOKEN"
	};
}
/** Where the baseline artifact is: the target branch of a merge request, else this branch's previous successful pipeline. */
function artifactSource(ctx) {
	if (ctx.mergeRequest) return {
		projectId: ctx.mergeRequest.projectId,
		ref: ctx.mergeRequest.targetBranch
	};
	return ctx.refName ? {
		projectId: ctx.projectId,
		ref: ctx.refName
	} : null;
}
/** A path inside the job's artifacts archive: relative to CI_PROJECT_DIR, with forward slashes. */
function archivePath(root, absolute) {
	const rel = relative(root, absolute);
	if (rel.startsWith("..") || resolve(root, rel) !== absolute) throw new UsageError(`${absolute} is outside CI_PROJECT_DIR (${root}): GitLab saves artifacts from inside the project only; give --artifact PATH`);
	return rel.split(sep).join(posix.sep);
}
/** The baseline from the latest successful pipeline's artifact; none (with the reason) when there is no such artifact yet. */
async function artifactBaseline(client, tokenName, ctx, job, artifact) {
	const source = artifactSource(ctx);
	if (!source || !job) return {
		baseline: null,
		noBaselineNote: "no CI_COMMIT_REF_NAME or CI_JOB_NAME to find the baseline artifact by; give --baseline or --job"
	};
	const bytes = await downloadArtifactFile(client, {
		...source,
		job,
		path: artifact,
		tokenName
	});
	const where = `${artifact} of job "${job}" in ${source.ref}'s latest successful pipeline`;
	if (!bytes) return {
		baseline: null,
		noBaselineNote: `no ${where} (the first run on ${source.ref}, or the job saves no artifact there)`
	};
	return {
		baseline: {
			results: parseResults(new TextDecoder().decode(bytes), where),
			note: where
		},
		noBaselineNote: ""
	};
}
/** The Code Quality report at FILE (relative to the workspace); its paths are relative to the repository, as GitLab shows them. */
function writeCodeQuality(root, workspace, file, result) {
	const fromRoot = (p) => {
		const rel = relative(root, resolve(workspace, p));
		return rel.startsWith("..") ? p : rel.split(sep).join(posix.sep);
	};
	const annotations = result.annotations.map((a) => ({
		...a,
		...a.file ? { file: fromRoot(a.file) } : {}
	}));
	const folder = prepareOutputFolder(workspace, posix.dirname(file));
	return writeOutputs(folder, { [posix.basename(file)]: renderCodeQuality(annotations, result.comparison.head.suite) })[0];
}
/** `interp-gate gitlab`: the pipeline with a GitLab baseline, a sticky merge request note and a Code Quality report. */
async function gitlabCommand(args, io) {
	const options = {
		...PIPELINE_OPTIONS,
		job: { type: "string" },
		artifact: { type: "string" },
		codequality: { type: "string" }
	};
	const { values } = parseArgs({
		args,
		options,
		strict: true
	});
	let ctx;
	try {
		ctx = gitlabContext(io.env);
	} catch (error) {
		throw new UsageError(error.message);
	}
	const root = ctx.projectDir ?? io.cwd;
	const workspace = resolve(io.cwd, values["working-directory"]);
	const out = values.out;
	const { token, name: tokenName } = tokenOf(io.env);
	const client = gitlabClient(ctx.apiUrl, token);
	const { noBaselineNote: _unused, ...shared } = sharedPipelineOptions(values, io);
	const result = await runPipeline({
		...shared,
		...values.baseline ? {} : {
			baseline: null,
			resolveBaseline: () => artifactBaseline(client, tokenName, ctx, values.job ?? ctx.jobName, values.artifact ?? archivePath(root, resolve(workspace, out, "results.json")))
		},
		commit: values.commit ?? ctx.commitSha,
		ref: values.ref ?? ctx.refName
	});
	const { comparison } = result;
	io.out(`${renderTerminal(comparison)}\n`);
	const codequality = writeCodeQuality(root, workspace, values.codequality ?? posix.join(out, "gl-code-quality-report.json"), result);
	const junit = values.junit === void 0 ? null : writeJunitFile(workspace, values.junit, result);
	io.out(`wrote ${[
		result.paths.results,
		result.paths.comparison,
		result.paths.report,
		codequality,
		junit
	].filter(Boolean).join(", ")}\n`);
	await publishNote(ctx, io, {
		client,
		token,
		tokenName,
		body: renderMarkdown(comparison, {
			marker: stickyMarker(comparison.head.suite),
			maxBytes: GITLAB_NOTE_BYTES
		}),
		suite: comparison.head.suite
	});
	if (result.inputErrors) {
		printMetricErrors(result.results, io);
		return EXIT.usage;
	}
	return comparison.verdict === "fail" ? EXIT.fail : EXIT.pass;
}
/** The sticky note; a failure is a warning, so the verdict, report and Code Quality stand. */
async function publishNote(ctx, io, t) {
	const mr = ctx.mergeRequest;
	if (!mr) {
		io.out("interp-gate: not a merge request pipeline: no note\n");
		return;
	}
	if (mr.fork) {
		io.out("interp-gate: merge request from a fork: read-only, no note (a fork pipeline has no write access to the target project); the report is in this log, report.md, the JUnit and Code Quality reports\n");
		return;
	}
	if (t.token?.kind !== "private") {
		io.err(`interp-gate: warning: GITLAB_TOKEN is not set, so no merge request note: create a project access token with the api scope (Reporter role) and add it as a masked CI/CD variable GITLAB_TOKEN\n`);
		return;
	}
	try {
		const outcome = await upsertStickyNote(t.client, {
			projectId: mr.projectId,
			mergeRequestIid: mr.iid,
			marker: stickyMarker(t.suite),
			body: t.body,
			tokenName: t.tokenName
		});
		io.out(`interp-gate: merge request !${mr.iid} note ${outcome.id} ${outcome.action}\n`);
	} catch (error) {
		if (!(error instanceof GitLabError)) throw error;
		io.err(`interp-gate: warning: ${error.message}\n`);
	}
}
// src/cli/merge-command.ts
/** `interp-gate merge`: the pipeline with the shards' results in place of computing from arrays. */
async function mergeCommand(args, io) {
	const { values, positionals } = parseArgs({
		args,
		options: PIPELINE_OPTIONS,
		allowPositionals: true,
		strict: true
	});
	if (positionals.length === 0) throw new UsageError("merge needs the shards' results files: interp-gate merge out-1/results.json out-2/results.json … --out merged");
	const workspace = resolve(io.cwd, values["working-directory"]);
	return clearingOutputsOnFailure(workspace, values.out, () => mergeWith(values, positionals, workspace, io));
}
async function mergeWith(values, positionals, workspace, io) {
	const shared = sharedPipelineOptions(values, io);
	const shards = positionals.map((file) => ({
		file,
		results: readResultsFile(resolve(workspace, file), file)
	}));
	const result = await runPipeline({
		...shared,
		produce: mergeShards(shards, shared.config)
	});
	io.out(`${renderTerminal(result.comparison)}\n`);
	const junit = values.junit === void 0 ? null : writeJunitFile(workspace, values.junit, result);
	io.out(`merged ${shards.length} shards; wrote ${[
		result.paths.results,
		result.paths.comparison,
		result.paths.report,
		junit
	].filter(Boolean).join(", ")}\n`);
	if (result.inputErrors) {
		printMetricErrors(result.results, io);
		return EXIT.usage;
	}
	return verdictExit(result.comparison);
}
// src/cli/main.ts
const COMMAND_HELP = {
	run: `interp-gate run [-C DIR] [--config interp-gate.yml] [--baseline results.json]
                [--out interp-gate-out] [--commit SHA] [--ref REF] [--history DIR]
                [--junit FILE] [--max-input-bytes N] [--shard I/N] [-q | --quiet]
    Compute the configured metrics, compare with the baseline (if given), write
    OUT/results.json, OUT/comparison.json (with a baseline) and OUT/report.md.
    -C/--working-directory: the folder that config, baseline, out and the
    config's input paths are relative to (default: the current folder).
    --baseline FILE: the base branch's results.json (same suite as the config).
    --history DIR: a history store (\`interp-gate history add\`) or a folder of earlier
    results.json files, for \`gate.history: iqr\` and the trend column.
    --junit FILE: also write the comparison as JUnit XML (one testcase per metric) for
    CI test-report views (GitLab, Jenkins, CircleCI, Buildkite, Azure Pipelines).
    --max-input-bytes N (or INTERP_GATE_MAX_INPUT_BYTES): largest file read whole (text,
    Parquet, a safetensors tensor), default 1073741824 (1 GiB); .npy/.npz are streamed.
    --shard I/N: these arrays are shard I of N (matrix jobs); gates apply after \`merge\`.
    Runs longer than 2 s show progress on stderr; -q/--quiet turns it off.
    INTERP_GATE_MEMORY_BUDGET=<bytes>: largest array decoded whole, and 32 bytes an example of a row-wise metric (default 2 GiB).
    SOURCE_DATE_EPOCH (seconds) fixes results.json's createdAt.`,
	merge: `interp-gate merge SHARD.json... [-C DIR] [--config interp-gate.yml] [--out interp-gate-out]
                  [--baseline results.json] [--commit SHA] [--ref REF] [--history DIR] [--junit FILE]
    Merge the results.json of every shard (each written by \`interp-gate run --shard I/N\`) into
    OUT/results.json, equal to one unsharded run of the same config; with --baseline, compare,
    write OUT/comparison.json and OUT/report.md, and gate exactly as \`run\` does.
    Refuses (exit 2) shards that overlap in example ids, come from another config or suite,
    miss a shard, or a metric it cannot merge exactly.`,
	gitlab: `interp-gate gitlab [-C DIR] [--config interp-gate.yml] [--out interp-gate-out] [--baseline results.json]
                   [--job NAME] [--artifact PATH] [--codequality FILE] [--junit FILE] [--history DIR]
    In a GitLab CI job: compute and compare like \`run\`, with the baseline from the target branch's latest
    successful pipeline (the artifact file PATH of job NAME; on a branch pipeline, the branch's own), post or
    update one merge request note per suite, write a Code Quality report, and gate.
    --job NAME: the job whose artifacts hold the baseline (default: this job, CI_JOB_NAME).
    --artifact PATH: results.json inside that job's artifacts (default: OUT/results.json, relative to
    CI_PROJECT_DIR). --baseline FILE uses a file instead and downloads nothing.
    --codequality FILE: the Code Quality report (default OUT/gl-code-quality-report.json).
    GITLAB_TOKEN: a project access token with the api scope (Reporter role) for the note; without it the
    note is skipped and the artifact is read with CI_JOB_TOKEN. Merge requests from forks get no note.`,
	compare: `interp-gate compare BASE.json HEAD.json [--config interp-gate.yml] [--out DIR]
    Compare two results files of the same suite; gates come from the config when one is given.
    --out DIR writes DIR/comparison.json and DIR/report.md.`,
	validate: `interp-gate validate [-C DIR] [--config interp-gate.yml]
    Check the config (keys, metric names, inputs, params) without reading arrays;
    every problem is reported at once.`,
	metrics: `interp-gate metrics [NAME] [--json | --markdown]
    List the metric catalogue; with NAME, show one metric (inputs, params, aliases).`,
	history: `interp-gate history add RESULTS.json --store DIR [--date ISO] [--parent SHA] [--comparison FILE]
                        [--run-id N] [--force]
interp-gate history show --store DIR [--metric ID] [--suite NAME] [--last N] [--json]
                         [--significance 0.001] [--min-magnitude 0.01]
    Keep each commit's compact entry in a folder store (one new file per commit and suite,
    written atomically); show each metric's series and its change points (--json for machines).`,
	dashboard: `interp-gate dashboard --store DIR --out SITE [--title TEXT] [--repo-url URL]
    Write SITE/index.html, a self-contained page charting every metric's history (no network).`,
	docs: `interp-gate docs [--out docs]
    Regenerate docs/metrics.md and docs/schema/*.json (for maintainers).`
};
/** One command's --help: history and dashboard have their own longer pages. */
function commandHelp(command) {
	if (command === "history") return HISTORY_HELP;
	if (command === "dashboard") return DASHBOARD_HELP;
	return COMMAND_HELP[command] ?? "";
}
const HELP = `interp-gate — gate pull requests on interpretability metrics

Usage:
${Object.values(COMMAND_HELP).map((text) => `  ${text.replace(/\n/g, "\n  ")}`).join("\n")}

\`interp-gate <command> --help\` shows one command.
Exit codes: 0 pass (also with warnings), 1 a gate failed, 2 usage, config or input error.`;
const RUN_OPTIONS = {
	...PIPELINE_OPTIONS,
	"max-input-bytes": { type: "string" },
	shard: { type: "string" },
	quiet: {
		type: "boolean",
		short: "q",
		default: false
	}
};
async function run(args, io) {
	const { values } = parseArgs({
		args,
		options: RUN_OPTIONS,
		strict: true
	});
	const workspace = resolve(io.cwd, values["working-directory"]);
	return clearingOutputsOnFailure(workspace, values.out, () => runWith(values, workspace, io));
}
async function runWith(values, workspace, io) {
	const shard = values.shard === void 0 ? void 0 : parseShard(values.shard, "--shard");
	if (shard && values.baseline) throw new UsageError("--shard and --baseline: a shard is compared after `interp-gate merge`, which takes --baseline");
	if (shard && values.junit) throw new UsageError("--shard and --junit: a shard gates nothing; `interp-gate merge` writes the JUnit report");
	const mode = progressMode({
		quiet: values.quiet,
		isTTY: io.errIsTTY,
		env: io.env
	});
	const result = await runPipeline({
		...sharedPipelineOptions(values, io),
		noBaselineNote: shard ? "a shard is compared after interp-gate merge" : "no --baseline given",
		maxInputBytes: maxInputBytes(values["max-input-bytes"] ?? io.env.INTERP_GATE_MAX_INPUT_BYTES),
		shard,
		memoryBudget: memoryBudget(io.env),
		parallel: io.parallel,
		progress: (metricCount) => createProgress({
			mode,
			write: io.progressErr ?? io.err,
			now: io.now ?? (() => performance.now()),
			metrics: metricCount
		})
	});
	io.out(`${renderTerminal(result.comparison)}\n`);
	const junit = values.junit === void 0 ? null : writeJunitFile(workspace, values.junit, result);
	const written = [
		result.paths.results,
		result.paths.comparison,
		result.paths.report,
		junit
	].filter(Boolean);
	io.out(`wrote ${written.join(", ")}\n`);
	if (result.inputErrors) {
		printMetricErrors(result.results, io);
		return EXIT.usage;
	}
	return shard ? EXIT.pass : verdictExit(result.comparison);
}
/** --max-input-bytes or INTERP_GATE_MAX_INPUT_BYTES: a positive whole number of bytes. */
function maxInputBytes(text) {
	if (text === void 0 || text === "") return void 0;
	const bytes = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
	if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new UsageError(`--max-input-bytes / INTERP_GATE_MAX_INPUT_BYTES must be a whole number of bytes (e.g. 4294967296 for 4 GiB), got ${JSON.stringify(text)}`);
	return bytes;
}
/** Two results files are comparable only within one suite: another suite's metrics share ids by accident. */
function checkSameSuite(base, head, baseFile, headWhat) {
	if (base.suite !== head.suite) throw new ResultsError(`${baseFile}: the baseline is of suite ${JSON.stringify(base.suite)}, ${headWhat} is of suite ${JSON.stringify(head.suite)}; compare results of the same suite (\`suite:\` in the config)`);
}
async function compareCommand(args, io) {
	const { values, positionals } = parseArgs({
		args,
		options: {
			config: { type: "string" },
			out: { type: "string" }
		},
		allowPositionals: true,
		strict: true
	});
	if (positionals.length !== 2) throw new UsageError("compare needs two files: interp-gate compare BASE.json HEAD.json");
	const out = values.out;
	if (out === void 0) return compareFiles(positionals, values.config, void 0, io);
	return clearingOutputsOnFailure(io.cwd, out, () => compareFiles(positionals, values.config, out, io), ["comparison.json", "report.md"]);
}
async function compareFiles(positionals, config, outDir, io) {
	const values = {
		config,
		out: outDir
	};
	const base = readResultsFile(resolve(io.cwd, positionals[0]), positionals[0]);
	const head = readResultsFile(resolve(io.cwd, positionals[1]), positionals[1]);
	checkSameSuite(base, head, positionals[0], `${positionals[1]}`);
	const configured = values.config ? await loadConfig(io.cwd, values.config, true, false) : null;
	const comparison = compare({
		head,
		base,
		gates: configured ? {
			...adapterGateSpecs(head),
			...gateSpecs(configured.loaded, configured.bound)
		} : {},
		defaults: configured?.loaded.config.defaults ?? defaultsSchema.parse({}),
		baselineNote: `baseline file ${positionals[0]}`,
		aggregateOf: aggregateLookup(configured?.bound)
	});
	io.out(`${renderTerminal(comparison)}\n`);
	if (values.out) {
		const out = prepareOutputFolder(io.cwd, values.out);
		writeOutputs(out, {
			"comparison.json": serializeJson(comparison),
			"report.md": renderMarkdown(comparison)
		});
	}
	return verdictExit(comparison);
}
async function validate(args, io) {
	const { values } = parseArgs({
		args,
		options: {
			config: {
				type: "string",
				default: "interp-gate.yml"
			},
			"working-directory": {
				type: "string",
				short: "C",
				default: "."
			}
		},
		strict: true
	});
	const { loaded, bound } = await loadConfig(resolve(io.cwd, values["working-directory"]), values.config);
	io.out(`${values.config}: valid — suite "${loaded.config.suite}", ${bound.length} metric(s): ${bound.map((b) => b.entry.id).join(", ")}\n`);
	return EXIT.pass;
}
function metrics(args, io) {
	const { values, positionals } = parseArgs({
		args,
		options: {
			json: { type: "boolean" },
			markdown: { type: "boolean" }
		},
		allowPositionals: true,
		strict: true
	});
	if (positionals.length > 1) throw new UsageError("metrics takes at most one metric name: interp-gate metrics [NAME]");
	if (positionals.length === 1) {
		const def = findMetric(positionals[0]);
		if (!def) throw new UsageError(unknownMetricMessage(positionals[0]));
		if (values.json) io.out(`${JSON.stringify(catalogueJson([def])[0], null, 2)}\n`);
		else if (values.markdown) io.out(renderCatalogueMarkdown([def]));
		else io.out(`${renderMetricText(def)}\n`);
		return EXIT.pass;
	}
	if (values.json) io.out(`${JSON.stringify(catalogueJson(builtinMetrics), null, 2)}\n`);
	else if (values.markdown) io.out(renderCatalogueMarkdown(builtinMetrics));
	else io.out(`${renderCatalogueText(builtinMetrics)}\n`);
	return EXIT.pass;
}
function docs(args, io) {
	const { values } = parseArgs({
		args,
		options: { out: {
			type: "string",
			default: "docs"
		} },
		strict: true
	});
	const out = resolve(io.cwd, values.out);
	mkdirSync(join(out, "schema"), { recursive: true });
	writeFileSync(join(out, "metrics.md"), renderCatalogueMarkdown(builtinMetrics));
	for (const [name, text] of Object.entries({
		...schemaFiles(),
		...historySchemaFiles()
	})) writeFileSync(join(out, "schema", name), text);
	io.out(`wrote ${join(values.out, "metrics.md")} and ${join(values.out, "schema")}/\n`);
	return EXIT.pass;
}
function memoryBudget(env) {
	const text = env.INTERP_GATE_MEMORY_BUDGET;
	if (text === void 0 || text === "") return void 0;
	const bytes = Number(text);
	if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new UsageError(`INTERP_GATE_MEMORY_BUDGET must be a whole number of bytes, got ${JSON.stringify(text)}`);
	return bytes;
}
/** The CLI: returns the exit code; every expected failure is one clear line, never a stack trace. */
async function main(argv, rawIo) {
	const io = {
		...rawIo,
		out: (text) => rawIo.out(neutraliseTerminal(text)),
		err: (text) => rawIo.err(neutraliseTerminal(text)),
		progressErr: rawIo.err
	};
	const [command, ...rest] = argv;
	if (command !== void 0 && Object.hasOwn(COMMAND_HELP, command) && rest.some((a) => a === "--help" || a === "-h")) {
		io.out(`${commandHelp(command)}\n`);
		return EXIT.pass;
	}
	try {
		switch (command) {
			case "run": return await run(rest, io);
			case "compare": return await compareCommand(rest, io);
			case "merge": return await mergeCommand(rest, io);
			case "gitlab": return await gitlabCommand(rest, io);
			case "validate": return await validate(rest, io);
			case "metrics": return metrics(rest, io);
			case "docs": return docs(rest, io);
			case "history": return await historyCommand(rest, io);
			case "dashboard": return dashboardCommand(rest, io);
			case "--version":
			case "-v":
				io.out(`${TOOL}\n`);
				return EXIT.pass;
			case void 0:
			case "--help":
			case "-h":
			case "help":
				io.out(`${HELP}\n`);
				return command === void 0 ? EXIT.usage : EXIT.pass;
			default: throw new UsageError(`unknown command "${command}"${didYouMean(command, Object.keys(COMMAND_HELP))}; expected run, merge, gitlab, compare, validate, metrics, history, dashboard or docs`);
		}
	} catch (error) {
		const known = [
			ConfigError,
			InputError,
			ResultsError,
			OutputError,
			HistoryError,
			UsageError,
			GitLabError
		].some((E) => error instanceof E);
		const argError = error.code?.startsWith("ERR_PARSE_ARGS");
		if (known || argError) {
			const sub = command === "history" && (rest[0] === "add" || rest[0] === "show") ? `history ${rest[0]}` : command;
			const help = command === "history" ? subcommandHelp(HISTORY_HELP, "history", rest[0]) : commandHelp(command);
			io.err(`interp-gate: ${unknownOptionMessage(error, sub, help) ?? error.message}\n`);
			const helpCommand = command !== void 0 && Object.hasOwn(COMMAND_HELP, command) ? `interp-gate ${command} --help` : "interp-gate --help";
			if (argError || error instanceof UsageError) io.err(`Run \`${helpCommand}\` for usage.\n`);
			return EXIT.usage;
		}
		io.err(`interp-gate: internal error: ${error.stack ?? error}\n`);
		return EXIT.usage;
	}
}
// src/cli/pipe.ts
/**
* `interp-gate run … | head` closes the pipe early: stop quietly with the exit code so far instead of dying
* on an unhandled EPIPE with a stack trace. Other stream errors still surface.
*/
function quietOnClosedPipe(streams, exit = (code) => process.exit(code)) {
	for (const stream of streams) stream.on("error", (error) => {
		if (error.code !== "EPIPE") throw error;
		exit(typeof process.exitCode === "number" ? process.exitCode : 0);
	});
}
// src/cli.ts
quietOnClosedPipe([process.stdout, process.stderr]);
process.exitCode = await main(process.argv.slice(2), {
	out: (text) => process.stdout.write(text),
	err: (text) => process.stderr.write(text),
	cwd: process.cwd(),
	env: process.env,
	errIsTTY: process.stderr.isTTY,
	parallel: bundledParallel(import.meta.url)
});
export {};
