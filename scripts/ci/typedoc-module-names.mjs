// TypeDoc plugin (loaded by typedoc.json): name the API reference's modules by their import
// specifiers ('cx-metrics', 'cx-metrics/schemas', 'cx-metrics/notebook') instead of the entry
// files' paths ('index', 'schemas', 'notebook'), without `@module` tags in src/.
import { Converter, ReflectionKind } from 'typedoc';

const NAMES = {
  index: 'cx-metrics',
  schemas: 'cx-metrics/schemas',
  notebook: 'cx-metrics/notebook',
  sql: 'cx-metrics/sql',
  arbitraries: 'cx-metrics/arbitraries',
};

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const module of context.project.getChildrenByKind(ReflectionKind.Module)) {
      const name = NAMES[module.name];
      if (name) module.name = name;
    }
  });
}
