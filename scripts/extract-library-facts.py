#!/usr/bin/env python3
"""Extract the facts our adapters rely on (field names, directions, source lines) from the libraries' own source.

Usage:
  python3 scripts/extract-library-facts.py --saebench GITDIR --quantus GITDIR --eraser GITDIR \
      --saelens GITDIR --openxai GITDIR --captum GITDIR > test/fixtures/adapters/library-facts.json
  python3 scripts/extract-library-facts.py --tables test/fixtures/adapters/library-facts.json > docs/adapter-facts.md

Each GITDIR is a (bare) git directory of the library, read at HEAD with `git show`; nothing is imported or run.
The output is committed; tests read it and never need the libraries.

A fact is {library, name, direction, basis, source, note?}: name is the key our adapter looks its direction up
with; direction is "higher", "lower" or null (a field that is not a quality: a count, a config echo, a
dispersion); basis says what decides the direction: "code" (the library states it, e.g. Quantus's
score_direction), or the sentence of the library's docs/paper that does.
"""

import argparse
import ast
import json
import re
import subprocess
import sys


def git(gitdir, *args):
    return subprocess.run(['git', '--git-dir', gitdir, *args], check=True, capture_output=True, text=True).stdout


def files(gitdir, prefix):
    return [p for p in git(gitdir, 'ls-tree', '-r', '--name-only', 'HEAD', prefix).splitlines()]


def show(gitdir, path):
    return git(gitdir, 'show', f'HEAD:{path}')


def head(gitdir):
    return git(gitdir, 'rev-parse', 'HEAD').strip()


def src(text, pattern, path):
    return f'{path}:{line_of(text, pattern, path)}'


def line_of(text, pattern, path):
    for i, line in enumerate(text.splitlines(), 1):
        if re.search(pattern, line):
            return i
    sys.exit(f'{path}: no line matches {pattern!r}; has the library changed?')


# --- Quantus: each metric class's score_direction (quantus/metrics/**.py), by class name ----------------------------

def quantus(gitdir):
    facts = []
    for path in sorted(files(gitdir, 'quantus/metrics/')):
        if not path.endswith('.py'):
            continue
        for node in ast.walk(ast.parse(show(gitdir, path))):
            if not isinstance(node, ast.ClassDef):
                continue
            for stmt in node.body:
                if (isinstance(stmt, ast.Assign) and any(isinstance(t, ast.Name) and t.id == 'score_direction' for t in stmt.targets)
                        and isinstance(stmt.value, ast.Attribute)):
                    facts.append({'library': 'quantus', 'name': node.name, 'direction': stmt.value.attr.lower(),
                                  'basis': 'code: score_direction', 'source': f'{path}:{stmt.lineno}'})
    return facts


# --- SAEBench: eval_output.py dataclasses (pydantic Field title/description) --------------------------------------

# SAEBench states no direction in code or schema; these follow the field's own description (quoted in `note`)
# and the SAEBench paper (arXiv:2503.09532, section 3), field by field. None = not a quality of the SAE.
SAEBENCH_DIRECTIONS = {
    'core/model_behavior_preservation.kl_div_score': 'higher',
    'core/model_behavior_preservation.kl_div_with_ablation': None,
    'core/model_behavior_preservation.kl_div_with_sae': 'lower',
    'core/model_performance_preservation.ce_loss_score': 'higher',
    'core/model_performance_preservation.ce_loss_with_ablation': None,
    'core/model_performance_preservation.ce_loss_with_sae': 'lower',
    'core/model_performance_preservation.ce_loss_without_sae': None,
    'core/reconstruction_quality.explained_variance': 'higher',
    'core/reconstruction_quality.explained_variance_legacy': 'higher',
    'core/reconstruction_quality.mse': 'lower',
    'core/reconstruction_quality.cossim': 'higher',
    'core/shrinkage.l2_norm_in': None,
    'core/shrinkage.l2_norm_out': None,
    'core/shrinkage.l2_ratio': None,
    'core/shrinkage.relative_reconstruction_bias': None,
    'core/sparsity.l0': 'lower',
    'core/sparsity.l1': 'lower',
    'core/misc_metrics.freq_over_1_percent': 'lower',
    'core/misc_metrics.freq_over_10_percent': 'lower',
    'core/misc_metrics.normalized_freq_over_1_percent': 'lower',
    'core/misc_metrics.normalized_freq_over_10_percent': 'lower',
    'core/misc_metrics.average_max_encoder_cosine_sim': 'lower',
    'core/misc_metrics.average_max_decoder_cosine_sim': 'lower',
    'core/misc_metrics.frac_alive': 'higher',
    'core/token_stats.total_tokens_eval_reconstruction': None,
    'core/token_stats.total_tokens_eval_sparsity_variance': None,
    'absorption_first_letter/mean.mean_absorption_fraction_score': 'lower',
    'absorption_first_letter/mean.mean_full_absorption_score': 'lower',
    'absorption_first_letter/mean.mean_num_split_features': None,
    'absorption_first_letter/mean.std_dev_absorption_fraction_score': None,
    'absorption_first_letter/mean.std_dev_full_absorption_score': None,
    'absorption_first_letter/mean.std_dev_num_split_features': None,
    'autointerp/autointerp.autointerp_score': 'higher',
    'autointerp/autointerp.autointerp_std_dev': None,
    'unlearning/unlearning.unlearning_score': 'higher',
    'ravel/ravel.disentanglement_score': 'higher',
    'ravel/ravel.cause_score': 'higher',
    'ravel/ravel.isolation_score': 'higher',
    'meta_structure_decoder_variance/meta_structure.decoder_fraction_variance_explained': None,  # SAEBench states no better end
    'meta_structure_decoder_variance/meta_structure.train_time_seconds': None,
    'meta_structure_decoder_variance/meta_structure.final_reconstruction_mse': None,
}


def saebench_direction(key):
    if key in SAEBENCH_DIRECTIONS:
        return SAEBENCH_DIRECTIONS[key]
    eval_type, field = key.split('/', 1)
    category, name = field.split('.', 1)
    if eval_type.startswith('sparse_probing'):
        # The LLM's own probe is the reference the SAE is measured against; the SAE probe's accuracy/auc/f1 are better high.
        return None if category == 'llm' else 'higher'
    if eval_type == 'scr':
        # dir2 is the direction SCR does not select (description: "selecting dir1 if ... else dir2").
        return None if name.startswith('scr_dir2') else 'higher'
    if eval_type == 'tpp':
        return 'lower' if name.endswith('unintended_diff_only') else 'higher'
    sys.exit(f'SAEBench field {key} has no direction decided in SAEBENCH_DIRECTIONS: add it')


DETAIL_DIRECTIONS = {
    'absorption_first_letter/details.mean_absorption_fraction': 'lower',
    'absorption_first_letter/details.full_absorption_rate': 'lower',
    'absorption_first_letter/details.num_full_absorption': None,
    'absorption_first_letter/details.num_probe_true_positives': None,
    'absorption_first_letter/details.num_split_features': None,
    # CoreFeatureMetric: only the max cosine similarities have a better end (as their averages in misc_metrics).
    'core/details.max_decoder_cosine_sim': 'lower',
    'core/details.max_encoder_cosine_sim': 'lower',
}


def detail_direction(eval_type, field):
    key = f'{eval_type}/details.{field}'
    if key in DETAIL_DIRECTIONS:
        return DETAIL_DIRECTIONS[key]
    if eval_type == 'core':
        return None
    # Probing, SCR and TPP details repeat the aggregate fields per dataset.
    category = {'scr': 'scr_metrics', 'tpp': 'tpp_metrics'}.get(eval_type, 'llm' if field.startswith('llm_') else 'sae')
    return saebench_direction(f'{eval_type}/{category}.{field}')


def class_fields(cls):
    """(name, annotation class name, lineno, description) of each annotated field of a class."""
    out = []
    for stmt in cls.body:
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            description = ''
            if isinstance(stmt.value, ast.Call):
                for kw in stmt.value.keywords:
                    if kw.arg == 'description' and isinstance(kw.value, ast.Constant):
                        description = kw.value.value
            annotation = stmt.annotation.id if isinstance(stmt.annotation, ast.Name) else ast.unparse(stmt.annotation)
            out.append((stmt.target.id, annotation, stmt.lineno, description))
    return out


def saebench(gitdir):
    facts = []
    for path in sorted(p for p in files(gitdir, 'sae_bench/evals/') if p.endswith('/eval_output.py')):
        tree = ast.parse(show(gitdir, path))
        constants = {t.id: n.value.value for n in tree.body if isinstance(n, ast.Assign) for t in n.targets
                     if isinstance(t, ast.Name) and isinstance(n.value, ast.Constant)}
        classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
        bases = {name: [ast.unparse(b) for b in c.bases] for name, c in classes.items()}
        eval_type = next(v for k, v in constants.items() if k.startswith('EVAL_TYPE_ID_'))
        if path.startswith('sae_bench/evals/scr_and_tpp/'):
            types = {'Scr': constants['EVAL_TYPE_ID_SCR'], 'Tpp': constants['EVAL_TYPE_ID_TPP']}
        for name, cls in classes.items():
            if 'BaseMetricCategories' not in bases[name]:
                continue
            evt = eval_type
            if path.startswith('sae_bench/evals/scr_and_tpp/'):
                evt = types['Scr'] if 'Scr' in name else types['Tpp']
            for category, metrics_class, _, _ in class_fields(cls):
                for field, _, line, description in class_fields(classes[metrics_class]):
                    key = f'{evt}/{category}.{field}'
                    facts.append({'library': 'saebench', 'name': key, 'direction': saebench_direction(key),
                                  'basis': 'description and SAEBench paper (arXiv:2503.09532)',
                                  'source': f'{path}:{line}', 'note': description})
        for name, cls in classes.items():
            if 'BaseResultDetail' not in bases[name] or name == 'BaseResultDetail':
                continue
            evt = eval_type
            if path.startswith('sae_bench/evals/scr_and_tpp/'):
                evt = types['Scr'] if 'Scr' in name else types['Tpp']
            for field, annotation, line, description in class_fields(cls):
                if annotation == 'str' or field == 'index':
                    facts.append({'library': 'saebench', 'name': f'id:{evt}/details.{field}', 'direction': None,
                                  'basis': 'item id of eval_result_details', 'source': f'{path}:{line}', 'note': description})
                elif 'dict' not in annotation:
                    facts.append({'library': 'saebench', 'name': f'{evt}/details.{field}', 'direction': detail_direction(evt, field),
                                  'basis': 'per item, as the matching aggregate field', 'source': f'{path}:{line}', 'note': description})
    # mdl writes its own layout (not an eval_output.py dataclass): eval_results is a list of MDLEvalResult.
    path = 'sae_bench/evals/mdl/main.py'
    text = show(gitdir, path)
    for field, direction in (('description_length', 'lower'), ('mse_loss', 'lower'), ('within_threshold', None)):
        facts.append({'library': 'saebench', 'name': f'mdl/eval_results.{field}', 'direction': direction,
                      'basis': 'minimum description length: shorter is better (mdl/main.py keeps the shortest viable one)',
                      'source': src(text, rf"^    {field}: ", path)})
    # Sentinels: where SAEBench writes a number meaning "not computed".
    path = 'sae_bench/evals/core/main.py'
    text = show(gitdir, path)
    facts.append({'library': 'saebench', 'name': 'sentinel:-1', 'direction': None, 'basis': 'code',
                  'source': src(text, r"^def replace_nans_with_negative_one", path),
                  'note': 'core writes NaN as -1 (replace_nans_with_negative_one)'})
    path = 'sae_bench/evals/sparse_probing/main.py'
    text = show(gitdir, path)
    facts.append({'library': 'saebench', 'name': 'sentinel:sparse_probing/sae.sae_test_accuracy=-1', 'direction': None, 'basis': 'code',
                  'source': src(text, r"sae_test_accuracy.. = .\"-1\": -1", path),
                  'note': 'the full-SAE probe was skipped'})
    path = 'sae_bench/sae_bench_utils/general_utils.py'
    text = show(gitdir, path)
    facts.append({'library': 'saebench', 'name': 'identity:custom_sae', 'direction': None, 'basis': 'code',
                  'source': src(text, r"sae_id = .custom_sae.", path),
                  'note': 'every custom SAE gets sae_id "custom_sae"'})
    facts.append({'library': 'saebench', 'name': 'identity:file_name', 'direction': None, 'basis': 'code',
                  'source': src(text, r"_eval_results.json", path),
                  'note': '<release>_<sae_id>_eval_results.json'})
    return facts


# --- ERASER: the sections main() writes to --score_file, and score_classifications' keys ---------------------------

ERASER_DIRECTIONS = {
    # DeYoung et al. 2020, section 4: a faithful rationale makes comprehensiveness high and sufficiency low.
    'comprehensiveness': 'higher', 'sufficiency': 'lower', 'comprehensiveness_aopc': 'higher', 'sufficiency_aopc': 'lower',
    'comprehensiveness_kl': 'higher', 'sufficiency_kl': 'lower', 'accuracy': 'higher', 'prf': 'higher',
    'comprehensiveness_entropy': None, 'sufficiency_entropy': None, 'aopc_thresholds': None,
    'comprehensiveness_aopc_points': None, 'sufficiency_aopc_points': None,
}


def eraser(gitdir):
    path = 'rationale_benchmark/metrics.py'
    text = show(gitdir, path)
    lines = text.splitlines()
    facts = []
    main_line = line_of(text, r'^def main', path)
    for i, line in enumerate(lines, 1):
        m = re.search(r"scores\['(\w+)'\] = ", line)
        if m:
            # Before main(): the members of rationale_prf / token_prf (score_hard_rationale_predictions).
            name = m.group(1) if i > main_line else f'prf.{m.group(1)}'
            facts.append({'library': 'eraser', 'name': name, 'direction': None if m.group(1) == 'iou_scores' else 'higher',
                          'basis': 'section of the score file; its members are precision/recall/F1/AUC (higher is better)',
                          'source': f'{path}:{i}'})
    start = line_of(text, r'^def score_classifications', path)
    for i, line in enumerate(lines[start:], start + 1):
        m = re.match(r"\s+'(\w+)': \w+,?$", line)
        if m:
            facts.append({'library': 'eraser', 'name': f'classification_scores.{m.group(1)}', 'direction': ERASER_DIRECTIONS[m.group(1)],
                          'basis': 'DeYoung et al. 2020 (ERASER), section 4', 'source': f'{path}:{i}'})
        if line.startswith('def ') and i > start + 1:
            break
    for key in ('auprc', 'average_precision', 'roc_auc_score'):
        facts.append({'library': 'eraser', 'name': f'soft.{key}', 'direction': 'higher', 'basis': 'area under a curve of precision/ROC',
                      'source': src(text, rf"^\s+.{key}.: ", path)})
    for key, pattern in (('per_instance.comprehensiveness', r'comprehensiveness_scores = \[x'), ('per_instance.sufficiency', r'sufficiency_scores = \[x')):
        facts.append({'library': 'eraser', 'name': key, 'direction': ERASER_DIRECTIONS[key.split('.')[1]],
                      'basis': 'classification_scores[classification] minus the same class score with the rationale removed / alone',
                      'source': src(text, pattern, path)})
    return facts


# --- SAELens: the layout evals.py writes, and its NaN sentinel ------------------------------------------------------

def saelens(gitdir):
    path = 'sae_lens/evals.py'
    text = show(gitdir, path)
    facts = [{'library': 'saelens', 'name': 'sentinel:-1', 'direction': None, 'basis': 'code',
              'source': src(text, r"^def replace_nans_with_negative_one", path), 'note': 'NaN written as -1'}]
    for key in ('unique_id', 'sae_set', 'sae_id', 'metrics', 'feature_metrics'):
        facts.append({'library': 'saelens', 'name': f'field:{key}', 'direction': None, 'basis': 'code',
                      'source': src(text, rf'eval_metrics\["{key}"\] =', path)})
    # run_evals fills all_metrics["<category>"] with "<name>": ... ; SAEBench's core eval writes the same names.
    lines = text.splitlines()
    start = line_of(text, r'^def run_evals', path)
    category = None
    for i, line in enumerate(lines[start:], start + 1):
        if line.startswith('def ') and i > start:
            break
        m = re.search(r'all_metrics\["(\w+)"\]', line)
        if m:
            category = m.group(1)
        m = re.match(r'\s+"(\w+)": ', line)
        if m and category:
            key = f'core/{category}.{m.group(1)}'
            facts.append({'library': 'saelens', 'name': f'{category}.{m.group(1)}', 'direction': SAEBENCH_DIRECTIONS[key],
                          'basis': 'same field as SAEBench core', 'source': f'{path}:{i}'})
    return facts


# --- OpenXAI: metric names and the file name evaluate_metrics.py saves ----------------------------------------------

OPENXAI_DIRECTIONS = {
    # Agarwal et al. 2022 (OpenXAI), section 3: agreement with ground truth and PGI are better high; PGU and the
    # relative instabilities are better low.
    'PRA': 'higher', 'RC': 'higher', 'FA': 'higher', 'RA': 'higher', 'SA': 'higher', 'SRA': 'higher', 'PGI': 'higher',
    'PGU': 'lower', 'RIS': 'lower', 'RRS': 'lower', 'ROS': 'lower',
}


def openxai(gitdir):
    path = 'openxai/evaluator.py'
    text = show(gitdir, path)
    facts = []
    start = line_of(text, r'^metrics_dict = \{', path)
    for i, line in enumerate(text.splitlines()[start:], start + 1):
        m = re.match(r"\s+'(\w+)':", line)
        if not m:
            break
        facts.append({'library': 'openxai', 'name': m.group(1), 'direction': OPENXAI_DIRECTIONS[m.group(1)],
                      'basis': 'Agarwal et al. 2022 (OpenXAI), section 3', 'source': f'{path}:{i}'})
    path = 'openxai/experiment_utils.py'
    text = show(gitdir, path)
    facts.append({'library': 'openxai', 'name': 'file:param_str', 'direction': None, 'basis': 'code',
                  'source': src(text, r"param_str = '_' \+", path), 'note': "'_' + '_'.join(f'{k}_{v}') of the metric's parameters"})
    path = 'evaluate_metrics.py'
    text = show(gitdir, path)
    facts.append({'library': 'openxai', 'name': 'file:metric_evals', 'direction': None, 'basis': 'code',
                  'source': src(text, r"np.save\(metrics_folder_name", path),
                  'note': 'metric_evals/{model}_{data}/{metric}_{method}_{n_test_samples}{param_str}.npy'})
    return facts


# --- Captum: the two metric functions ---------------------------------------------------------------------------

def captum(gitdir):
    facts = []
    for name, path, basis in (('infidelity', 'captum/metrics/_core/infidelity.py', 'Yeh et al. 2019: infidelity is an expected squared error'),
                              ('sensitivity_max', 'captum/metrics/_core/sensitivity.py', 'Yeh et al. 2019: max-sensitivity is a change in the explanation')):
        text = show(gitdir, path)
        facts.append({'library': 'captum', 'name': name, 'direction': 'lower', 'basis': basis,
                      'source': src(text, rf"^def {name}\(", path)})
    return facts


REPOS = {
    'saebench': ('adamkarvonen/SAEBench', saebench, 'pyproject.toml', r'^version = "([^"]+)"'),
    'quantus': ('understandable-machine-intelligence-lab/Quantus', quantus, 'quantus/__init__.py', r'__version__ = "([^"]+)"'),
    'eraser': ('jayded/eraserbenchmark', eraser, None, None),
    'saelens': ('jbloomAus/SAELens', saelens, 'pyproject.toml', r'^version = "([^"]+)"'),
    'openxai': ('AI4LIFE-GROUP/OpenXAI', openxai, 'setup.py', r'version=.([0-9.]+)'),
    'captum': ('pytorch/captum', captum, 'captum/__init__.py', r'__version__ = "([^"]+)"'),
}


def version(gitdir, path, pattern):
    if path is None:
        return None
    try:
        m = re.search(pattern, show(gitdir, path), re.M)
    except subprocess.CalledProcessError:
        return None
    return m.group(1) if m else None


TITLES = {'saebench': 'SAEBench', 'quantus': 'Quantus', 'eraser': 'ERASER', 'saelens': 'SAELens', 'openxai': 'OpenXAI', 'captum': 'Captum'}


def tables(facts_file):
    """docs/adapter-facts.md: every fact with a link to its source line at the pinned commit."""
    doc = json.load(open(facts_file))
    libs = doc['libraries']
    out = ['# Library facts behind the adapters', '',
           '<!-- generated by scripts/extract-library-facts.py --tables test/fixtures/adapters/library-facts.json; do not edit -->', '',
           'Each row: the key an adapter looks a direction up with, the direction (*context*: recorded, never gated),',
           'and the line of the library\'s source it comes from, at the commit named. See [adapters.md](adapters.md).', '']
    for name, title in TITLES.items():
        lib = libs[name]
        version = f' {lib["version"]}' if lib['version'] else ''
        out += [f'## {title}', '', f'[{lib["repo"]}](https://github.com/{lib["repo"]}){version} at commit `{lib["commit"]}`.', '',
                '| Name | Better | Source | Basis |', '| --- | --- | --- | --- |']
        for f in (f for f in doc['facts'] if f['library'] == name):
            path, line = f['source'].rsplit(':', 1)
            link = f'[{path}:{line}](https://github.com/{lib["repo"]}/blob/{lib["commit"]}/{path}#L{line})'
            basis = f['basis'] + (f': “{f["note"]}”' if f.get('note') else '')
            # Names with ":" are facts about the layout (sentinels, identity, file names), not directions.
            better = '–' if ':' in f['name'] else f['direction'] or 'context'
            out.append(f'| `{f["name"]}` | {better} | {link} | {basis.replace("|", "/")} |')
        out.append('')
    sys.stdout.write('\n'.join(out))


def main():
    if len(sys.argv) == 3 and sys.argv[1] == '--tables':
        return tables(sys.argv[2])
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    for name in REPOS:
        parser.add_argument(f'--{name}', required=True, metavar='GITDIR')
    args = parser.parse_args()
    libraries, facts = {}, []
    for name, (repo, extract, vpath, vpattern) in REPOS.items():
        gitdir = getattr(args, name)
        libraries[name] = {'repo': repo, 'commit': head(gitdir), 'version': version(gitdir, vpath, vpattern)}
        facts.extend(extract(gitdir))
    json.dump({'generatedBy': 'scripts/extract-library-facts.py', 'libraries': libraries, 'facts': facts}, sys.stdout, indent=1)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
