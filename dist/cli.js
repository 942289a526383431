#!/usr/bin/env node
import { B as builtinMetrics, C as specText, D as renderMarkdown, E as noteLines, F as HistoryError, H as unknownMetricMessage, I as entryFromResults, K as formatNumber, L as historySchemaFiles, M as neutraliseTerminal, N as markdownTable, O as tableRows, P as metricSeries, Q as resultsSchema, T as headline, U as ConfigError, V as findMetric, W as compare, X as serializeJson, Y as readResultsFile, Z as comparisonSchema, _ as runPipeline, a as dashboardData, b as writeOutputs, c as seriesChanges, d as renderDashboard, f as TOOL, ft as bundledParallel, g as loadConfig, h as gateSpecs, i as progressMode, j as trendText, l as FolderStore, m as aggregateLookup, n as parseShard, nt as InputError, o as CHANGE_POINT_DEFAULTS, p as adapterGateSpecs, q as ResultsError, r as createProgress, t as mergeShards, tt as readRegularText, ut as toJSONSchema, v as OutputError, y as prepareOutputFolder } from "./chunks/shared.js";
import { parseArgs } from "node:util";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
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
/** The terminal table: the report's table with plain ids, every note (as in the report), then the verdict line. */
function renderTerminal(c) {
	const rows = tableRows(c.rows).map((r) => r.map((cell) => cell.replace(/`/g, "")));
	const base = c.base ? `baseline ${c.base.commit?.slice(0, 7) ?? "?"}${c.base.ref ? ` (${c.base.ref})` : ""}` : "no baseline";
	const notes = noteLines(c).map((n) => `  ${n.id ? `${n.id}: ` : ""}${n.text}`);
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
		`${headline(c)}`,
		`verdict: ${VERDICT[c.verdict]}`
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
	const out = resolve(io.cwd, values.out);
	try {
		mkdirSync(out, { recursive: true });
		const temp = join(out, `.index.html.${process.pid}.tmp`);
		writeFileSync(temp, html);
		renameSync(temp, join(out, "index.html"));
	} catch (error) {
		throw new HistoryError(`${values.out}: cannot write the dashboard (${error.code ?? error.message})`);
	}
	io.out(`wrote ${join(values.out, "index.html")} (${entries.length} entries, ${(html.length / 1024).toFixed(0)} KiB)\n`);
	return 0;
}
// src/cli/history-command.ts
const HISTORY_HELP = `interp-gate history — metric values across commits, and where they changed

Usage:
  interp-gate history add RESULTS.json --store DIR [--date ISO] [--parent SHA] [--comparison FILE]
                          [--run-id N]
      Append the run's compact entry (values, CIs, n) to the store: one new file
      DIR/<suite>/<commit>.json, written atomically (safe with concurrent writers).
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
function showText(shown) {
	if (!shown.length) return "no entries in the store\n";
	const lines = [];
	for (const { series: s, changes } of shown) {
		const values = s.points.map((p) => p.value);
		lines.push(`${escapeTerminal(s.id)}  ${values.length} point(s)  ${trendText(values)}`);
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
	throw new HistoryError(`history needs a subcommand: add or show${sub ? ` (got "${sub}")` : ""}; see interp-gate history --help`);
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
	const shards = positionals.map((file) => ({
		file,
		results: readResultsFile(resolve(workspace, file), file)
	}));
	const createdAt = sourceDateEpoch(io.env.SOURCE_DATE_EPOCH);
	const baseline = values.baseline ? {
		results: readBaselineFile(workspace, values.baseline),
		note: `baseline file ${values.baseline}`
	} : null;
	const result = await runPipeline({
		workspace,
		config: values.config,
		baseline,
		noBaselineNote: "no --baseline given",
		outDir: values.out,
		loadHistory: historyLoader(workspace, values.history),
		commit: values.commit ?? io.env.GITHUB_SHA,
		ref: values.ref ?? io.env.GITHUB_REF,
		createdAt,
		produce: mergeShards(shards, values.config)
	});
	io.out(`${renderTerminal(result.comparison)}\n`);
	io.out(`merged ${shards.length} shards; wrote ${[
		result.paths.results,
		result.paths.comparison,
		result.paths.report
	].filter(Boolean).join(", ")}\n`);
	if (result.inputErrors) {
		printMetricErrors(result.results, io);
		return EXIT.usage;
	}
	return result.comparison.verdict === "fail" ? EXIT.fail : EXIT.pass;
}
// src/cli/main.ts
const EXIT = {
	pass: 0,
	fail: 1,
	usage: 2
};
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
	history: { type: "string" }
};
const COMMAND_HELP = {
	run: `interp-gate run [-C DIR] [--config interp-gate.yml] [--baseline results.json]
                [--out interp-gate-out] [--commit SHA] [--ref REF] [--history DIR]
                [--max-input-bytes N] [--shard I/N] [--quiet]
    Compute the configured metrics, compare with the baseline (if given), write
    OUT/results.json, OUT/comparison.json (with a baseline) and OUT/report.md.
    -C/--working-directory: the folder that config, baseline, out and the
    config's input paths are relative to (default: the current folder).
    --baseline FILE: the base branch's results.json (same suite as the config).
    --history DIR: a history store (\`interp-gate history add\`) or a folder of earlier
    results.json files, for \`gate.history: iqr\` and the trend column.
    --max-input-bytes N (or INTERP_GATE_MAX_INPUT_BYTES): largest file read whole (text,
    Parquet, a safetensors tensor), default 1073741824 (1 GiB); .npy/.npz are streamed.
    --shard I/N: these arrays are shard I of N (matrix jobs); gates apply after \`merge\`.
    Runs longer than 2 s show progress on stderr; --quiet turns it off.
    INTERP_GATE_MEMORY_BUDGET=<bytes>: largest array decoded whole (default 2 GiB).
    SOURCE_DATE_EPOCH (seconds) fixes results.json's createdAt.`,
	merge: `interp-gate merge SHARD.json... [-C DIR] [--config interp-gate.yml] [--out interp-gate-out]
                [--baseline results.json] [--commit SHA] [--ref REF] [--history DIR]
    Merge the results.json of every shard (each written by \`interp-gate run --shard I/N\`) into
    OUT/results.json, equal to one unsharded run of the same config; with --baseline, compare,
    write OUT/comparison.json and OUT/report.md, and gate exactly as \`run\` does.
    Refuses (exit 2) shards that overlap in example ids, come from another config or suite,
    miss a shard, or a metric it cannot merge exactly.`,
	compare: `interp-gate compare BASE.json HEAD.json [--config interp-gate.yml] [--out DIR]
    Compare two results files of the same suite; gates come from the config when one is given.
    --out DIR writes DIR/comparison.json and DIR/report.md.`,
	validate: `interp-gate validate [-C DIR] [--config interp-gate.yml]
    Check the config (keys, metric names, inputs, params) without reading arrays;
    every problem is reported at once.`,
	metrics: `interp-gate metrics [NAME] [--json | --markdown]
    List the metric catalogue; with NAME, show one metric (inputs, params, aliases).`,
	history: `interp-gate history add RESULTS.json --store DIR [--date ISO] [--parent SHA] [--comparison FILE] [--run-id N]
  interp-gate history show --store DIR [--metric ID] [--suite NAME] [--last N] [--json]
    Keep each commit's compact entry in a folder store (one new file per commit and suite,
    written atomically); show each metric's series and its change points (--json for machines).`,
	dashboard: `interp-gate dashboard --store DIR --out SITE [--title TEXT] [--repo-url URL]
    Write SITE/index.html, a self-contained page charting every metric's history (no network).`,
	docs: `interp-gate docs [--out docs]
    Regenerate docs/metrics.md and docs/schema/*.json (for maintainers).`
};
const HELP = `interp-gate — gate pull requests on interpretability metrics

Usage:
${Object.values(COMMAND_HELP).map((text) => `  ${text.replace(/\n/g, "\n  ")}`).join("\n")}

\`interp-gate <command> --help\` shows one command.
Exit codes: 0 pass (also with warnings), 1 a gate failed, 2 usage, config or input error.`;
function verdictExit(c) {
	return c.verdict === "fail" ? EXIT.fail : EXIT.pass;
}
async function run(args, io) {
	const { values } = parseArgs({
		args,
		options: {
			...PIPELINE_OPTIONS,
			"max-input-bytes": { type: "string" },
			shard: { type: "string" },
			quiet: {
				type: "boolean",
				default: false
			}
		},
		strict: true
	});
	const shard = values.shard === void 0 ? void 0 : parseShard(values.shard, "--shard");
	if (shard && values.baseline) throw new UsageError("--shard and --baseline: a shard is compared after `interp-gate merge`, which takes --baseline");
	const workspace = resolve(io.cwd, values["working-directory"]);
	const createdAt = sourceDateEpoch(io.env.SOURCE_DATE_EPOCH);
	const mode = progressMode({
		quiet: values.quiet,
		isTTY: io.errIsTTY,
		env: io.env
	});
	const baseline = values.baseline ? {
		results: readBaselineFile(workspace, values.baseline),
		note: `baseline file ${values.baseline}`
	} : null;
	const result = await runPipeline({
		workspace,
		config: values.config,
		baseline,
		noBaselineNote: "no --baseline given",
		outDir: values.out,
		loadHistory: historyLoader(workspace, values.history),
		commit: values.commit ?? io.env.GITHUB_SHA ?? null,
		ref: values.ref ?? io.env.GITHUB_REF ?? null,
		createdAt,
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
	const written = [
		result.paths.results,
		result.paths.comparison,
		result.paths.report
	].filter(Boolean);
	io.out(`wrote ${written.join(", ")}\n`);
	if (result.inputErrors) {
		printMetricErrors(result.results, io);
		return EXIT.usage;
	}
	return shard ? EXIT.pass : verdictExit(result.comparison);
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
/** --max-input-bytes or INTERP_GATE_MAX_INPUT_BYTES: a positive whole number of bytes. */
function maxInputBytes(text) {
	if (text === void 0 || text === "") return void 0;
	const bytes = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
	if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new UsageError(`--max-input-bytes / INTERP_GATE_MAX_INPUT_BYTES must be a whole number of bytes (e.g. 4294967296 for 4 GiB), got ${JSON.stringify(text)}`);
	return bytes;
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
		defaults: configured?.loaded.config.defaults ?? {
			confidence: .95,
			resamples: 2e3,
			seed: 0,
			severity: "error",
			correction: "holm",
			"max-examples": 1e5
		},
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
var UsageError = class extends Error {};
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
		io.out(`${COMMAND_HELP[command]}\n`);
		return EXIT.pass;
	}
	try {
		switch (command) {
			case "run": return await run(rest, io);
			case "compare": return await compareCommand(rest, io);
			case "merge": return await mergeCommand(rest, io);
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
			default: throw new UsageError(`unknown command "${command}"; expected run, merge, compare, validate, metrics, history, dashboard or docs`);
		}
	} catch (error) {
		const known = [
			ConfigError,
			InputError,
			ResultsError,
			OutputError,
			HistoryError,
			UsageError
		].some((E) => error instanceof E);
		const argError = error.code?.startsWith("ERR_PARSE_ARGS");
		if (known || argError) {
			io.err(`interp-gate: ${error.message}\n`);
			if (argError || error instanceof UsageError) io.err("Run `interp-gate --help` for usage.\n");
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
