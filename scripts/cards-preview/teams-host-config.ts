const foregroundColors = {
  default: { default: '#242424', subtle: '#616161' },
  dark: { default: '#242424', subtle: '#616161' },
  light: { default: '#ffffff', subtle: '#f3f2f1' },
  accent: { default: '#6264a7', subtle: '#8b8cc7' },
  good: { default: '#92c353', subtle: '#e592c353' },
  warning: { default: '#f8d22a', subtle: '#e5f8d22a' },
  attention: { default: '#c4314b', subtle: '#e5c4314b' },
};

const fontSizes = { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 };
const fontWeights = { lighter: 200, default: 400, bolder: 600 };

/**
 * An Adaptive Cards host config with the sizes, spacing and colours of Teams' light theme (the values
 * Microsoft's Adaptive Cards Designer and the Agents Playground use for Teams), for card pictures that
 * look like Teams. Segoe UI and Microsoft YaHei are Teams' fonts; elsewhere the system's sans-serif
 * (with a CJK font for Chinese) stands in.
 */
export const TEAMS_HOST_CONFIG = {
  supportsInteractivity: true,
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#e0e0e0' },
  imageSizes: { small: 32, medium: 52, large: 100 },
  fontTypes: {
    default: { fontFamily: "'Segoe UI', 'Microsoft YaHei', sans-serif", fontSizes, fontWeights },
    monospace: { fontFamily: "Consolas, 'Courier New', monospace", fontSizes, fontWeights },
  },
  textStyles: {
    heading: { fontType: 'default', size: 'large', weight: 'bolder', color: 'default', isSubtle: false },
  },
  containerStyles: {
    default: { backgroundColor: '#ffffff', foregroundColors },
    emphasis: { backgroundColor: '#f5f5f5', foregroundColors },
    accent: { backgroundColor: '#e8ebfa', foregroundColors },
    good: { backgroundColor: '#e7f2da', foregroundColors },
    attention: { backgroundColor: '#fcf4f6', foregroundColors },
    warning: { backgroundColor: '#fbf6d9', foregroundColors },
  },
  inputs: {
    label: {
      inputSpacing: 'small',
      requiredInputs: { weight: 'bolder', suffix: ' *', suffixColor: 'attention' },
      optionalInputs: { weight: 'bolder' },
    },
    errorMessage: { size: 'small', color: 'attention' },
  },
  actions: {
    maxActions: 6,
    buttonSpacing: 8,
    spacing: 'default',
    showCard: { actionMode: 'inline', inlineTopMargin: 16, style: 'emphasis' },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
  },
  factSet: {
    title: { weight: 'bolder', wrap: true, maxWidth: 150 },
    value: { wrap: true },
    spacing: 16,
  },
} as const;
