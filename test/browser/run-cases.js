// Runs render vectors with locmsg/browser. Plain JavaScript with no imports,
// so the Node tests import it and the Chromium tests load it into a page.

/**
 * Renders each case with a renderer loaded for its locale and time zone.
 * @param {(url: string, options: object) => Promise<any>} loadLocmsg
 * @param {string} manifestUrl
 * @param {any[]} cases
 * @param {object} [extraOptions] more renderer options, such as the MF2 add-on
 */
export async function runCases(loadLocmsg, manifestUrl, cases, extraOptions) {
  const results = [];
  for (const vector of cases) {
    const diagnostics = [];
    const locmsg = await loadLocmsg(manifestUrl, {
      locale: vector.locale,
      timeZone: vector.timeZone,
      maxDepth: vector.maxDepth,
      onDiagnostic: (diagnostic) => diagnostics.push(diagnostic.code),
      ...extraOptions,
    });
    let text;
    if (vector.task) text = locmsg.renderTaskInfo(vector.task).line;
    else if (vector.event)
      text = locmsg.formatEvent(vector.event, vector.format);
    else text = locmsg.format(vector.message);
    results.push({ text, diagnostics });
  }
  return results;
}
