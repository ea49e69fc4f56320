import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { COLORS, HighlightKind } from "../core/plan";
import packageJson from "../../package.json";
import { Strings } from "./i18n";

const useStyles = makeStyles({
  item: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
  swatch: {
    flexShrink: 0,
    width: "16px",
    height: "16px",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const KINDS: HighlightKind[] = ["unfinished", "weak", "vague", "mismatch"];

/**
 * The fills the sheet shows, in the very colours written there, and what the review checks;
 * with `about`, only where the pane runs.
 */
export function ReviewGuide({ strings: t, about }: { strings: Strings; about?: string }) {
  const styles = useStyles();
  if (about)
    return (
      <Accordion collapsible>
        <AccordionItem value="about">
          <AccordionHeader size="small">{t.about}</AccordionHeader>
          <AccordionPanel>
            <Caption1>{t.aboutText(packageJson.version, about)}</Caption1>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    );
  return (
    <Accordion collapsible multiple>
      <AccordionItem value="legend">
        <AccordionHeader size="small">{t.legend}</AccordionHeader>
        <AccordionPanel>
          {KINDS.map((kind) => (
            <div key={kind} className={styles.item}>
              <span
                className={styles.swatch}
                data-fill={COLORS[kind]}
                style={{ backgroundColor: `#${COLORS[kind].slice(2)}` }}
              />
              <Caption1>{t.legendItems[kind]}</Caption1>
            </div>
          ))}
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="help">
        <AccordionHeader size="small">{t.help}</AccordionHeader>
        <AccordionPanel>
          <ul className={styles.list}>
            {t.helpText.map((line) => (
              <li key={line}>
                <Caption1>{line}</Caption1>
              </li>
            ))}
          </ul>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
