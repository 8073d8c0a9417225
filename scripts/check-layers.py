#!/usr/bin/env python3
"""Fails when the stage folders of a Swift target depend on each other in a cycle.

A folder depends on another when one of its files names a type that the other folder declares at its top
level (`struct Name`, `enum`, `class`, `protocol`, `actor`, `typealias`); comments, strings, qualified names
(`JSONPath.Comparison`) and names the file declares itself, nested ones included (a private `enum Step` of a
state machine), do not count. The folders of a target must form layers that point one
way: any cycle is printed, with the references that make it, and the exit code is 1. Without a cycle, the
layers are printed from the bottom up.

    scripts/check-layers.py [Sources/CSARCheck Sources/CSARHistory …]
"""
import os
import re
import sys
from collections import defaultdict

DECLARATION = re.compile(
    r'^(?:@\w+(?:\([^)]*\))?\s+)*'
    r'(?:(?:public|package|internal|fileprivate|private|final|indirect|nonisolated)\s+)*'
    r'(?:struct|enum|class|protocol|actor|typealias)\s+([A-Za-z_]\w*)', re.M)
NESTED_DECLARATION = re.compile(
    r'^\s+(?:@\w+(?:\([^)]*\))?\s+)*'
    r'(?:(?:public|package|internal|fileprivate|private|final|indirect|nonisolated)\s+)*'
    r'(?:struct|enum|class|protocol|actor|typealias)\s+([A-Za-z_]\w*)', re.M)
REFERENCE = re.compile(r'(?<![.\w])[A-Z][A-Za-z0-9_]*\b')


def without_comments_and_strings(text):
    text = re.sub(r'"""[\s\S]*?"""', '""', text)
    text = re.sub(r'/\*[\s\S]*?\*/', '', text)
    text = re.sub(r'//[^\n]*', '', text)
    return re.sub(r'"(?:\\.|[^"\\\n])*"', '""', text)


def folder_graph(target):
    """Each folder's files, and for each pair of folders the references from the first to the second."""
    files = defaultdict(list)
    for root, _, names in os.walk(target):
        for name in sorted(names):
            if name.endswith('.swift'):
                relative = os.path.relpath(os.path.join(root, name), target)
                files[relative.split(os.sep)[0] if os.sep in relative else '.'].append(os.path.join(root, name))
    declared = {}
    texts = {}
    for folder, paths in files.items():
        for path in paths:
            with open(path, encoding='utf-8') as handle:
                texts[path] = handle.read()
            for match in DECLARATION.finditer(texts[path]):
                declared.setdefault(match.group(1), folder)
    references = defaultdict(lambda: defaultdict(list))
    for folder, paths in files.items():
        for path in paths:
            own = set(NESTED_DECLARATION.findall(texts[path]))
            for number, line in enumerate(without_comments_and_strings(texts[path]).split('\n'), 1):
                for name in sorted(set(REFERENCE.findall(line)) - own):
                    other = declared.get(name)
                    if other and other != folder:
                        references[folder][other].append(f'{path}:{number} ({name})')
    return sorted(files), references


def cycles(folders, references):
    """The strongly connected components of more than one folder (Tarjan)."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []

    def visit(folder):
        index[folder] = low[folder] = len(index)
        stack.append(folder)
        on_stack.add(folder)
        for other in references.get(folder, {}):
            if other not in index:
                visit(other)
                low[folder] = min(low[folder], low[other])
            elif other in on_stack:
                low[folder] = min(low[folder], index[other])
        if low[folder] == index[folder]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == folder:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for folder in folders:
        if folder not in index:
            visit(folder)
    return found


def shortest_cycle(component, references):
    """The shortest path from a folder of `component` back to itself: the loop to break first."""
    best = None
    for start in component:
        paths = {start: [start]}
        queue = [start]
        while queue:
            folder = queue.pop(0)
            for other in sorted(references.get(folder, {})):
                if other not in component:
                    continue
                if other == start:
                    loop = paths[folder] + [start]
                    if best is None or len(loop) < len(best):
                        best = loop
                    queue = []
                    break
                if other not in paths:
                    paths[other] = paths[folder] + [other]
                    queue.append(other)
    return best


def layers(folders, references):
    """The folders from the bottom up: each after every folder it depends on."""
    placed, order = set(), []
    while len(placed) < len(folders):
        ready = sorted(f for f in folders if f not in placed and set(references.get(f, {})) <= placed)
        order.append(ready)
        placed.update(ready)
    return order


def main(targets):
    failed = False
    for target in targets:
        folders, references = folder_graph(target)
        found = cycles(folders, references)
        for component in found:
            failed = True
            loop = shortest_cycle(component, references)
            print(f'{target}: these folders depend on each other in a cycle: {", ".join(component)}')
            print(f'  the shortest loop: {" -> ".join(loop)}')
            for folder, other in zip(loop, loop[1:]):
                examples = references[folder][other]
                print(f'  {folder} -> {other}: {len(examples)} reference(s), e.g. {"; ".join(examples[:3])}')
        if not found:
            shown = ' < '.join('{' + ', '.join(level) + '}' if len(level) > 1 else level[0]
                               for level in layers(folders, references))
            print(f'{target}: no cycle; layers from the bottom: {shown}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:] or ['Sources/CSARCheck', 'Sources/CSARHistory']))
