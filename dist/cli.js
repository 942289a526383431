#!/usr/bin/env node
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { parseArgs } from 'node:util';
import { m as markdownTable, t as toJSONSchema, s as specText, a as tableRows, n as noteLines, h as headline, c as comparisonSchema, r as resultsSchema, T as TOOL, l as loadConfig, b as readResultsFile, d as compare, e as aggregateLookup, g as gateSpecs, f as serializeJson, i as renderMarkdown, j as runPipeline, k as readHistoryFolder, C as ConfigError, I as InputError, R as ResultsError, o as builtinMetrics } from './chunks/shared.js';
import 'process';
import 'buffer';
import 'module';
import 'node:url';
import 'node:crypto';

const familyTitles = {
    task: 'Task',
    faithfulness: 'Faithfulness',
    sparsity: 'Sparsity',
    localisation: 'Localisation',
    agreement: 'Agreement',
    robustness: 'Robustness and sanity-check',
    circuits: 'Circuits',
    sae: 'Sparse-autoencoder',
    generic: 'Generic',
    plugin: 'Plugin'
};
/** JSON Schema of a metric's params (input side: defaults are optional); {} when the schema cannot be represented. */
function paramsJsonSchema(def) {
    try {
        const schema = toJSONSchema(def.params, { io: 'input', unrepresentable: 'any' });
        delete schema.$schema;
        return schema;
    }
    catch {
        return {};
    }
}
function shapesText(spec) {
    return spec.shapes.map(specText).join(' or ');
}
function inputsText(def) {
    return def.inputs.map((i) => `${i.name}${i.optional ? '?' : ''} ${shapesText(i)}`).join(', ');
}
/** Families in the order they first appear, each with its metrics in catalogue order. */
function byFamily(defs) {
    const groups = new Map();
    for (const def of defs)
        groups.set(def.family, [...(groups.get(def.family) ?? []), def]);
    return [...groups];
}
const cell = (text) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
function typeText(s) {
    if (s.enum)
        return s.enum.map((v) => JSON.stringify(v)).join(', ');
    if (s.const !== undefined)
        return JSON.stringify(s.const);
    if (s.anyOf)
        return s.anyOf.map(typeText).join(' or ');
    if (s.type === 'array')
        return `${s.items ? typeText(s.items) : 'any'}[]`;
    if (Array.isArray(s.type))
        return s.type.join(' or ');
    return s.type ?? 'any';
}
function constraintsText(s) {
    const parts = [];
    if (s.minimum !== undefined)
        parts.push(`≥ ${s.minimum}`);
    if (s.exclusiveMinimum !== undefined)
        parts.push(`> ${s.exclusiveMinimum}`);
    if (s.maximum !== undefined)
        parts.push(`≤ ${s.maximum}`);
    if (s.exclusiveMaximum !== undefined)
        parts.push(`< ${s.exclusiveMaximum}`);
    return parts.join(', ');
}
function paramsMarkdown(def) {
    const schema = paramsJsonSchema(def);
    const properties = Object.entries(schema.properties ?? {});
    if (properties.length === 0)
        return schema.properties ? 'None.' : 'Validated by the metric’s own schema.';
    const required = new Set(schema.required ?? []);
    const rows = properties.map(([name, s]) => [
        `\`${name}\``,
        cell(typeText(s)),
        s.default !== undefined ? `\`${JSON.stringify(s.default)}\`` : required.has(name) ? 'required' : '—',
        cell(constraintsText(s)),
        cell(s.description ?? '')
    ]);
    return markdownTable([['Param', 'Type', 'Default', 'Constraints', 'Description'], ...rows]);
}
function metricMarkdown(def) {
    const { doc } = def;
    const names = [`\`${def.name}\``, ...(def.aliases ?? []).map((a) => `\`${a}\` (alias)`)].join(', ');
    const inputs = markdownTable([
        ['Input', 'Shape', 'Description'],
        ...def.inputs.map((i) => [`\`${i.name}\`${i.optional ? ' (optional)' : ''}`, cell(shapesText(i)), cell(i.description)])
    ]);
    const lines = [
        `### ${def.name}`,
        '',
        `**${def.title}.** ${doc.summary}`,
        '',
        `- Name: ${names}`,
        `- Family: ${def.family}`,
        `- Direction: ${def.direction} is better`,
        `- Range: ${doc.range || '—'}`,
        ...(def.binary ? ['- Per-example outcomes are 0/1: paired comparisons use McNemar’s exact test'] : []),
        '',
        '**Inputs**',
        '',
        inputs,
        '',
        '**Params**',
        '',
        paramsMarkdown(def),
        '',
        '**Formula**',
        '',
        '```text',
        doc.formula || '—',
        '```',
        '',
        '**Edge cases**',
        '',
        ...(doc.edgeCases.length ? doc.edgeCases.map((e) => `- ${e}`) : ['- None documented.']),
        '',
        `**Reference.** ${doc.reference || '—'}`
    ];
    if (doc.differences)
        lines.push('', `**Differences from the reference.** ${doc.differences}`);
    return lines.join('\n');
}
/** docs/metrics.md: a generated header, a table of contents by family, then one section per metric. Deterministic. */
function renderCatalogueMarkdown(defs) {
    const groups = byFamily(defs);
    const out = [
        '# Metric catalogue',
        '',
        '<!-- Generated from the metric registry by `npm run docs`; do not edit by hand. -->',
        '',
        'Every metric interp-gate computes. The `metric:` key of a config entry names one of them (or an alias); its `inputs:` map ' +
            'each input name below to an array reference. Shapes are symbolic: a letter (N examples, F features, …) must agree across ' +
            'the inputs of one metric, a digit is a fixed size, and a name ending in `...` stands for one or more trailing dimensions ' +
            'that are flattened (attributions [N, H, W] give F = H·W). `interp-gate metrics --json` prints the same catalogue as JSON.',
        '',
        '## Contents',
        ''
    ];
    for (const [family, list] of groups) {
        out.push(`**${familyTitles[family]}**`, '');
        out.push(markdownTable([['Metric', 'Direction', 'Inputs'], ...list.map((d) => [`[${d.name}](#${d.name})`, d.direction, cell(inputsText(d))])]), '');
    }
    for (const [family, list] of groups) {
        out.push(`## ${familyTitles[family]} metrics`, '');
        for (const def of list)
            out.push(metricMarkdown(def), '');
    }
    return `${out.join('\n').trimEnd()}\n`;
}
/** The terminal table of `interp-gate metrics`: name, family, direction, inputs. */
function renderCatalogueText(defs) {
    const rows = [['NAME', 'FAMILY', 'DIRECTION', 'INPUTS'], ...defs.map((d) => [d.name, d.family, d.direction, inputsText(d)])];
    const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)));
    return rows.map((r) => r.map((text, c) => (c < 3 ? text.padEnd(widths[c]) : text)).join('  ')).join('\n');
}
/** The catalogue as plain data for `interp-gate metrics --json`. */
function catalogueJson(defs) {
    return defs.map((d) => ({
        name: d.name,
        aliases: [...(d.aliases ?? [])],
        family: d.family,
        title: d.title,
        direction: d.direction,
        inputs: d.inputs.map((i) => ({ name: i.name, shapes: i.shapes.map((s) => [...s]), description: i.description, optional: i.optional ?? false })),
        params: paramsJsonSchema(d),
        binary: d.binary ?? false
    }));
}

const VERDICT = { fail: 'FAIL', warn: 'PASS (with warnings)', pass: 'PASS' };
/** The terminal table: the report's table with plain ids, every note (as in the report), then the verdict line. */
function renderTerminal(c) {
    const rows = tableRows(c.rows).map((r) => r.map((cell) => cell.replace(/`/g, '')));
    const base = c.base ? `baseline ${c.base.commit?.slice(0, 7) ?? '?'}${c.base.ref ? ` (${c.base.ref})` : ''}` : 'no baseline';
    const notes = noteLines(c).map((n) => `  ${n.id ? `${n.id}: ` : ''}${n.text}`);
    const baseline = c.baselineNote ? [`baseline: ${c.baselineNote}`] : [];
    return [
        `interp-gate — suite ${c.head.suite}, ${base}`,
        ...baseline,
        '',
        markdownTable(rows, { stringLength: displayWidth }),
        '',
        ...(notes.length ? ['notes:', ...notes, ''] : []),
        `${headline(c)}`,
        `verdict: ${VERDICT[c.verdict]}`
    ].join('\n');
}
// Status icons that terminals draw two columns wide (✅ ❌ ❔ ⚠️); ✓ and ✗ are narrow.
const WIDE = new Set([0x2705, 0x274c, 0x2754, 0x26a0]);
/** Terminal columns of a string: emoji and other wide symbols take two. */
function displayWidth(text) {
    let width = 0;
    for (const ch of text) {
        const cp = ch.codePointAt(0);
        if (cp === 0xfe0f || cp === 0x200b)
            continue;
        width += cp >= 0x1f000 || WIDE.has(cp) ? 2 : 1;
    }
    return width;
}

/** docs/schema/*.json: the published JSON Schemas of results.json and comparison.json. */
function schemaFiles() {
    const render = (schema, id) => `${JSON.stringify({ $id: id, ...toJSONSchema(schema, { io: 'output' }) }, null, 2)}\n`;
    return {
        'results.schema.json': render(resultsSchema, 'interp-gate/results@1'),
        'comparison.schema.json': render(comparisonSchema, 'interp-gate/comparison@1')
    };
}

const EXIT = { pass: 0, fail: 1, usage: 2 };
const HELP = `interp-gate — gate pull requests on interpretability metrics

Usage:
  interp-gate run [-C DIR] [--config interp-gate.yml] [--baseline results.json]
                  [--out interp-gate-out] [--commit SHA] [--ref REF] [--history DIR]
      Compute the configured metrics, compare with the baseline (if given), write
      OUT/results.json, OUT/comparison.json (with a baseline) and OUT/report.md.
      -C/--working-directory: the folder that config, baseline, out and the
      config's input paths are relative to (default: the current folder).
      --history DIR: earlier results.json files, for metrics with \`gate.history: iqr\`.
  interp-gate compare BASE.json HEAD.json [--config interp-gate.yml] [--out DIR]
      Compare two results files; gates come from the config when one is given.
  interp-gate validate [-C DIR] [--config interp-gate.yml]
      Check the config (keys, metric names, inputs, params) without reading arrays.
  interp-gate metrics [--json | --markdown]
      List the metric catalogue.
  interp-gate docs [--out docs]
      Regenerate docs/metrics.md and docs/schema/*.json (for maintainers).

Exit codes: 0 pass (also with warnings), 1 a gate failed, 2 usage, config or input error.`;
function verdictExit(c) {
    return c.verdict === 'fail' ? EXIT.fail : EXIT.pass;
}
async function run(args, io) {
    const { values } = parseArgs({
        args,
        options: {
            config: { type: 'string', default: 'interp-gate.yml' },
            baseline: { type: 'string' },
            out: { type: 'string', default: 'interp-gate-out' },
            'working-directory': { type: 'string', short: 'C', default: '.' },
            commit: { type: 'string' },
            ref: { type: 'string' },
            history: { type: 'string' }
        },
        strict: true
    });
    const workspace = resolve(io.cwd, values['working-directory']);
    const baseline = values.baseline ? { results: readResultsFile(resolve(workspace, values.baseline), values.baseline), note: `baseline file ${values.baseline}` } : null;
    const result = await runPipeline({
        workspace,
        config: values.config,
        baseline,
        noBaselineNote: 'no --baseline given',
        outDir: values.out,
        history: values.history ? readHistoryFolder(resolve(workspace, values.history), values.history) : undefined,
        commit: values.commit ?? io.env.GITHUB_SHA ?? null,
        ref: values.ref ?? io.env.GITHUB_REF ?? null,
        createdAt: io.env.SOURCE_DATE_EPOCH ? new Date(Number(io.env.SOURCE_DATE_EPOCH) * 1000).toISOString() : undefined
    });
    io.out(`${renderTerminal(result.comparison)}\n`);
    const written = [result.paths.results, result.paths.comparison, result.paths.report].filter(Boolean);
    io.out(`wrote ${written.join(', ')}\n`);
    if (result.inputErrors) {
        for (const m of result.results.metrics)
            if (m.error)
                io.err(`error: ${m.error}\n`);
        return EXIT.usage;
    }
    return verdictExit(result.comparison);
}
async function compareCommand(args, io) {
    const { values, positionals } = parseArgs({ args, options: { config: { type: 'string' }, out: { type: 'string' } }, allowPositionals: true, strict: true });
    if (positionals.length !== 2)
        throw new UsageError('compare needs two files: interp-gate compare BASE.json HEAD.json');
    const base = readResultsFile(resolve(io.cwd, positionals[0]), positionals[0]);
    const head = readResultsFile(resolve(io.cwd, positionals[1]), positionals[1]);
    const configured = values.config ? await loadConfig(io.cwd, values.config) : null;
    const comparison = compare({
        head,
        base,
        gates: configured ? gateSpecs(configured.loaded, configured.bound) : {},
        defaults: configured?.loaded.config.defaults ?? { confidence: 0.95, resamples: 2000, seed: 0, severity: 'error', correction: 'holm', 'max-examples': 100_000 },
        baselineNote: `baseline file ${positionals[0]}`,
        aggregateOf: aggregateLookup(configured?.bound)
    });
    io.out(`${renderTerminal(comparison)}\n`);
    if (values.out) {
        const out = resolve(io.cwd, values.out);
        mkdirSync(out, { recursive: true });
        writeFileSync(join(out, 'comparison.json'), serializeJson(comparison));
        writeFileSync(join(out, 'report.md'), renderMarkdown(comparison));
    }
    return verdictExit(comparison);
}
async function validate(args, io) {
    const { values } = parseArgs({ args, options: { config: { type: 'string', default: 'interp-gate.yml' }, 'working-directory': { type: 'string', short: 'C', default: '.' } }, strict: true });
    const { loaded, bound } = await loadConfig(resolve(io.cwd, values['working-directory']), values.config);
    io.out(`${values.config}: valid — suite "${loaded.config.suite}", ${bound.length} metric(s): ${bound.map((b) => b.entry.id).join(', ')}\n`);
    return EXIT.pass;
}
function metrics(args, io) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean' }, markdown: { type: 'boolean' } }, strict: true });
    if (values.json)
        io.out(`${JSON.stringify(catalogueJson(builtinMetrics), null, 2)}\n`);
    else if (values.markdown)
        io.out(renderCatalogueMarkdown(builtinMetrics));
    else
        io.out(`${renderCatalogueText(builtinMetrics)}\n`);
    return EXIT.pass;
}
function docs(args, io) {
    const { values } = parseArgs({ args, options: { out: { type: 'string', default: 'docs' } }, strict: true });
    const out = resolve(io.cwd, values.out);
    mkdirSync(join(out, 'schema'), { recursive: true });
    writeFileSync(join(out, 'metrics.md'), renderCatalogueMarkdown(builtinMetrics));
    for (const [name, text] of Object.entries(schemaFiles()))
        writeFileSync(join(out, 'schema', name), text);
    io.out(`wrote ${join(values.out, 'metrics.md')} and ${join(values.out, 'schema')}/\n`);
    return EXIT.pass;
}
class UsageError extends Error {
}
/** The CLI: returns the exit code; every expected failure is one clear line, never a stack trace. */
async function main(argv, io) {
    const [command, ...rest] = argv;
    try {
        switch (command) {
            case 'run':
                return await run(rest, io);
            case 'compare':
                return await compareCommand(rest, io);
            case 'validate':
                return await validate(rest, io);
            case 'metrics':
                return metrics(rest, io);
            case 'docs':
                return docs(rest, io);
            case '--version':
            case '-v':
                io.out(`${TOOL}\n`);
                return EXIT.pass;
            case undefined:
            case '--help':
            case '-h':
            case 'help':
                io.out(`${HELP}\n`);
                return command === undefined ? EXIT.usage : EXIT.pass;
            default:
                throw new UsageError(`unknown command "${command}"; expected run, compare, validate or metrics`);
        }
    }
    catch (error) {
        const known = error instanceof ConfigError || error instanceof InputError || error instanceof ResultsError || error instanceof UsageError;
        const argError = error.code?.startsWith('ERR_PARSE_ARGS');
        if (known || argError) {
            io.err(`interp-gate: ${error.message}\n`);
            if (argError || error instanceof UsageError)
                io.err('Run `interp-gate --help` for usage.\n');
            return EXIT.usage;
        }
        io.err(`interp-gate: internal error: ${error.stack ?? error}\n`);
        return EXIT.usage;
    }
}

process.exitCode = await main(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env
});
